/**
 * The home page's script. The page works without it: the list of articles is pre-rendered at build time.
 * Later this registers the service worker and lists articles saved on the device.
 */
export {};
