/**
 * The base class of `<article-player>`: reactive properties, batched updates rendered with
 * lit-html, and reactive controllers — the part of Lit's `ReactiveElement` the player uses, with
 * the same names and the same update cycle (see lit.dev's "Reactive update cycle").
 *
 * Why not `LitElement`: the embed must stay under 16 KB min+gzip with the features issue 5 lists,
 * and `ReactiveElement` + `LitElement` + `css` are 2.6 KB of it, for generality the player does
 * not need (converters, `hasChanged`, decorators, the `<style>` fallback of browsers without
 * constructable style sheets, SSR hydration). Rendering stays lit-html's, the templates Lit's.
 *
 * Supported declarations (`static properties`): `type` `Boolean`, `Number` or `String`
 * (the default), `reflect`, `attribute` (a name; the default is the property's name in
 * lower case), `state` (internal: no attribute).
 */
import { render, type TemplateResult } from 'lit-html';

/** The shape of Lit's `ReactiveController`: called with the host's lifecycle. */
export interface ReactiveController {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
  hostUpdated?(): void;
}

/** The shape of Lit's `ReactiveControllerHost`. */
export interface ReactiveControllerHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
}

export interface PropertyDeclaration {
  readonly type?: typeof Boolean | typeof Number | typeof String;
  readonly reflect?: boolean;
  readonly attribute?: string;
  readonly state?: boolean;
}

export type PropertyDeclarations = Readonly<Record<string, PropertyDeclaration>>;

/** The properties changed since the last update, with their previous values. */
export type PropertyValues<T = unknown> = Map<keyof T | string, unknown>;

/** A style sheet from CSS text, built once and shared by every instance. */
export function css(strings: TemplateStringsArray, ...values: readonly string[]): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(String.raw({ raw: strings }, ...values));
  return sheet;
}

type Declarations = Map<string, PropertyDeclaration & { readonly attributeName: string }>;

export abstract class ReactiveBase extends HTMLElement implements ReactiveControllerHost {
  static styles: CSSStyleSheet | readonly CSSStyleSheet[] = [];
  static properties: PropertyDeclarations = {};

  /** Every declared property of this class and its ancestors, by name. */
  static #declarations = new WeakMap<typeof ReactiveBase, Declarations>();

  static #declarationsOf(type: typeof ReactiveBase): Declarations {
    let declarations = ReactiveBase.#declarations.get(type);
    if (!declarations) {
      const parent = Object.getPrototypeOf(type) as typeof ReactiveBase;
      declarations = new Map(parent === ReactiveBase ? [] : ReactiveBase.#declarationsOf(parent));
      if (Object.hasOwn(type, 'properties')) {
        for (const [name, declaration] of Object.entries(type.properties)) {
          declarations.set(name, {
            ...declaration,
            attributeName: declaration.attribute ?? name.toLowerCase(),
          });
          ReactiveBase.#defineAccessor(type, name);
        }
      }
      ReactiveBase.#declarations.set(type, declarations);
    }
    return declarations;
  }

  static #defineAccessor(type: typeof ReactiveBase, name: string): void {
    const key = Symbol(name);
    type Store = Record<symbol, unknown>;
    Object.defineProperty(type.prototype, name, {
      get(this: ReactiveBase & Store) {
        return this[key];
      },
      set(this: ReactiveBase & Store, value: unknown) {
        const old = this[key];
        this[key] = value;
        this.requestUpdate(name, old);
      },
      configurable: true,
      enumerable: true,
    });
  }

  static get observedAttributes(): string[] {
    return [...ReactiveBase.#declarationsOf(this).values()]
      .filter((declaration) => !declaration.state)
      .map((declaration) => declaration.attributeName);
  }

  /** True once the element has rendered for the first time. */
  hasUpdated = false;
  /** Where the template renders: the shadow root, with the class's styles. */
  readonly renderRoot: ShadowRoot;

  /** This class's declared properties (with its ancestors'). */
  readonly #declared: Declarations;
  #controllers = new Set<ReactiveController>();
  #changed: PropertyValues = new Map();
  #reflecting = new Set<string>();
  /** Property being set from its attribute: reflecting it back would rewrite the page's value. */
  #settingFromAttribute: string | null = null;
  /** Attribute being written by reflection: its attributeChangedCallback is ours, not news. */
  #reflectingAttribute: string | null = null;
  #updatePending = false;
  #updatePromise: Promise<boolean>;
  /** Values set on the element before it was defined, given back at the first update. */
  #early: Map<string, unknown> | null = new Map();
  #connected!: (value: unknown) => void;

  constructor() {
    super();
    const type = this.constructor as typeof ReactiveBase;
    this.#declared = ReactiveBase.#declarationsOf(type);
    // Values set on the element before it was defined would hide the accessors: keep them aside.
    for (const name of this.#declared.keys()) {
      if (Object.hasOwn(this, name)) {
        this.#early?.set(name, this[name as keyof this]);
        Reflect.deleteProperty(this, name);
      }
    }
    // The first update waits for the element to be in the page.
    this.#updatePromise = new Promise((resolve) => (this.#connected = resolve)).then(() => true);
    this.requestUpdate();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    const styles = type.styles;
    this.renderRoot.adoptedStyleSheets = styles instanceof CSSStyleSheet ? [styles] : [...styles];
  }

  /** Resolves once the pending update has rendered (true when no other one is pending then). */
  get updateComplete(): Promise<boolean> {
    return this.#updatePromise;
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }

  connectedCallback(): void {
    this.#connected(true);
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === this.#reflectingAttribute) return;
    for (const [property, declaration] of this.#declared) {
      if (declaration.state || declaration.attributeName !== name) continue;
      this.#settingFromAttribute = property;
      (this as Record<string, unknown>)[property] =
        declaration.type === Boolean
          ? value !== null
          : declaration.type === Number && value !== null
            ? Number(value)
            : value;
      this.#settingFromAttribute = null;
      // The attribute is the truth now, even over a reflection pending from an initial value.
      this.#reflecting.delete(property);
    }
  }

  /** Schedules an update; with a property's name, records its change (when it changed). */
  requestUpdate(name?: string, oldValue?: unknown): void {
    if (name !== undefined) {
      const value = (this as Record<string, unknown>)[name];
      // NaN to NaN is no change.
      if (value === oldValue || (value !== value && oldValue !== oldValue)) return;
      if (!this.#changed.has(name)) this.#changed.set(name, oldValue);
      if (this.#declared.get(name)?.reflect && name !== this.#settingFromAttribute) {
        this.#reflecting.add(name);
      }
    }
    if (!this.#updatePending) {
      this.#updatePending = true;
      this.#updatePromise = this.#enqueueUpdate(this.#updatePromise);
    }
  }

  async #enqueueUpdate(previous: Promise<boolean>): Promise<boolean> {
    await previous;
    this.#performUpdate();
    return !this.#updatePending;
  }

  #performUpdate(): void {
    const early = this.#early;
    this.#early = null;
    for (const [name, value] of early ?? []) (this as Record<string, unknown>)[name] = value;
    // Changes made in willUpdate join this update (as in Lit): they schedule no other.
    const changed = this.#changed;
    try {
      this.willUpdate(changed);
      for (const controller of this.#controllers) controller.hostUpdate?.();
      this.#reflect();
      render(this.render(), this.renderRoot, { host: this });
    } catch (error) {
      // Reported as an uncaught error would be, without breaking the update chain: a failed
      // update must not stop every later one.
      reportError(error);
    }
    this.#changed = new Map();
    this.#updatePending = false;
    for (const controller of this.#controllers) controller.hostUpdated?.();
    if (!this.hasUpdated) {
      this.hasUpdated = true;
      this.firstUpdated(changed);
    }
  }

  #reflect(): void {
    for (const name of this.#reflecting) {
      const declaration = this.#declared.get(name);
      if (!declaration) continue;
      // Declared types only: Boolean, Number, String.
      const value = (this as Record<string, unknown>)[name] as string | number | boolean | null;
      this.#reflectingAttribute = declaration.attributeName;
      if (value === false || value == null) {
        this.removeAttribute(declaration.attributeName);
      } else {
        this.setAttribute(declaration.attributeName, value === true ? '' : String(value));
      }
      this.#reflectingAttribute = null;
    }
    this.#reflecting.clear();
  }

  /** Before rendering: compute what the render needs from what changed. */
  protected willUpdate(_changed: PropertyValues): void {}

  /** After the first render. */
  protected firstUpdated(_changed: PropertyValues): void {}

  protected abstract render(): TemplateResult;
}
