/**
 * The player's UI strings in French. Keys and arguments as in `strings.ts`. A page opts into
 * them with `src/element/translation-fr.ts`.
 */
import type { ListeningTranslation, Translation } from './strings.js';

export const fr = {
  play: 'Lire',
  pause: 'Pause',
  previousParagraph: 'Paragraphe précédent',
  nextParagraph: 'Paragraphe suivant',
  speed: 'Vitesse',
  controlsLabel: 'Écouter cet article',
  voiceFallback: (wanted: string | null, used: string) =>
    `Lecture à voix haute. ${wanted ?? 'La voix choisie'} n’est pas disponible pour l’instant : ${used} lit à sa place.`,
  statusPlaying: 'Lecture à voix haute',
  statusWaitingForVoices: 'En attente des voix du navigateur…',
  statusPaused: 'En pause',
  statusEnded: 'Lecture terminée',
  statusLoading: 'Chargement de l’article…',
  noSpeech:
    'Votre navigateur ne peut pas lire à voix haute (il n’a pas de synthèse vocale). L’article reste là pour être lu.',
  noVoices:
    'Aucune voix de lecture n’est installée sur cet appareil. L’article reste là pour être lu.',
  noVoiceForLanguage: (language: string) =>
    `Aucune voix en ${language} n’est installée sur cet appareil : l’article ne peut pas être lu à voix haute. Il reste là pour être lu.`,
  emptyArticle: 'Il n’y a ici aucun texte à lire à voix haute.',
  loadFailed: (detail: string) => `L’article n’a pas pu être chargé (${detail}).`,
  loadNotArticle: 'L’adresse indiquée ne contient pas d’article à lire.',
  speechError: (detail: string) => `La lecture à voix haute s’est arrêtée : ${detail}.`,
  speechErrors: {
    'no-start': 'le moteur de synthèse vocale n’a pas commencé à parler',
    'audio-busy': 'la sortie audio est occupée',
    'audio-hardware': 'aucune sortie audio n’a été trouvée',
    network: 'la voix en ligne n’a pas pu être jointe',
    'not-allowed': 'le navigateur n’a pas autorisé la parole ; appuyez de nouveau sur Lire',
  },
  unknownSpeechError: 'le moteur de synthèse vocale a échoué',
} satisfies Translation;

export const frListening = {
  previousSentence: 'Phrase précédente',
  nextSentence: 'Phrase suivante',
  position: 'Position dans l’article',
  timeLeft: (minutes: number) =>
    minutes < 1
      ? 'Moins d’une minute restante'
      : `${minutes} min ${minutes === 1 ? 'restante' : 'restantes'}`,
  continueFrom: (paragraph: number) => `Reprendre au paragraphe ${paragraph}`,
  paragraphOf: (index: number, total: number) => `Paragraphe ${index} sur ${total}`,
  settings: 'Réglages',
  settingsTitle: 'Réglages de l’écoute',
  close: 'Fermer',
  voice: 'Voix',
  automaticVoice: 'Automatique',
  otherVoices: 'Voix fantaisie et effets',
  needsConnection: (voice: string) => `${voice} (demande une connexion)`,
  previewVoice: 'Écouter',
  voiceInUse: (voice: string) => `Voix : ${voice}`,
  sleepTimer: 'Minuterie',
  sleepOff: 'Désactivée',
  sleepMinutes: (minutes: number) => `${minutes} minutes`,
  followReading: 'Faire défiler pour suivre la lecture',
  highlightWords: 'Surligner chaque mot',
  keyboardShortcuts: 'Raccourcis clavier',
  shortcutsHelp: 'Quand le lecteur a le focus :',
  shortcutNames: {
    togglePlay: 'Lire ou mettre en pause (aussi Espace)',
    previousSentence: 'Phrase précédente',
    nextSentence: 'Phrase suivante',
    previousParagraph: 'Paragraphe précédent',
    nextParagraph: 'Paragraphe suivant',
    faster: 'Plus vite',
    slower: 'Moins vite',
  },
} satisfies ListeningTranslation;
