/** cytoscape-layout-utilities ships no types: the registration function and the one core method we call. */
declare module 'cytoscape-layout-utilities' {
  import type cytoscape from 'cytoscape';
  const register: (cy: typeof cytoscape) => void;
  export default register;
}

declare namespace cytoscape {
  interface Core {
    layoutUtilities(options: { desiredAspectRatio?: number; componentSpacing?: number; polyominoGridSizeFactor?: number }): unknown;
  }
}
