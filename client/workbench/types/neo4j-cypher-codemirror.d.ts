// The package ships its types at src/codemirror.d.ts but its "exports" map gives them no
// "types" condition, so TypeScript cannot find them through the package name. Its exports
// do map "./src/codemirror.js", beside which TypeScript finds the declarations.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.js';
}
