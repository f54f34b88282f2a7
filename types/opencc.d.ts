declare module 'opencc-js/core' {
  export function ConverterFactory(...dictGroups: unknown[]): (text: string) => string;
}
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
