// natural ships no types for its deep module paths; only the Jaro–Winkler distance is used.
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
