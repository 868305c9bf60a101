// Ambient module declarations cannot import by relative path, so the tree's
// shape is spelled out here; it is assignable to the Container's FileTree.
declare module 'virtual:example/*' {
  interface ExampleFileTree {
    [name: string]:
      { file: { contents: string } } | { directory: ExampleFileTree }
  }

  /** The example's text files, as the Container's `mount` takes them. */
  const tree: ExampleFileTree
  export default tree
}

declare module 'virtual:redis-standin' {
  /** The bundled Redis stand-in, as the code of one CommonJS file. */
  const code: string
  export default code
}
