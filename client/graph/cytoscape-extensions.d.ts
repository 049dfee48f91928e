/** cytoscape-layout-utilities ships no types: the registration function and the one core method we call. */
declare module 'cytoscape-layout-utilities' {
  const register: (cy: typeof import('cytoscape')) => void;
  export default register;
}

declare namespace cytoscape {
  interface Core {
    layoutUtilities(options: { desiredAspectRatio?: number; componentSpacing?: number; polyominoGridSizeFactor?: number }): unknown;
  }
}
