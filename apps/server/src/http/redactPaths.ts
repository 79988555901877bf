/**
 * Characters that end a path inside a message: white space, quotes, brackets and the separators
 * that error texts put around a path (`open '/x/y'`, `(in /x/y)`, `/x/y: not found`).
 */
const END = String.raw`\s'"\`()<>\[\]{},;`;

/** `file:` URLs, Windows drive paths, home-relative paths, and POSIX paths of two or more segments or with `..`. */
const PATH = new RegExp(
  [
    String.raw`file:\/\/[^${END}]+`,
    String.raw`[A-Za-z]:\\[^${END}]*`,
    String.raw`~\/[^${END}]*`,
    String.raw`(?<![\w.~/:-])\/[^${END}/:]+\/[^${END}]*`,
    String.raw`(?<![\w~-])\.\.?[\\/][^${END}]*`,
  ].join('|'),
  'g',
);

/**
 * A message with every file-system path in it cut to its last segment: messages reach clients
 * (job errors, 4xx answers), and a server's folder layout is none of theirs.
 *
 *   redactPaths("ENOENT: no such file or directory, open '/srv/mu/.data/checkpoints/ab12cd34.weights.bin'")
 *   // "ENOENT: no such file or directory, open 'ab12cd34.weights.bin'"
 */
export function redactPaths(message: string): string {
  return message.replace(PATH, (match) => {
    const punctuation = /[:.]*$/.exec(match.replace(/[/\\]+$/, ''))![0];
    const base = match.replace(/[/\\:.]+$/, '').split(/[/\\]/).filter((s) => s !== '' && s !== '.' && s !== '..').pop();
    return (base ?? 'a path') + punctuation;
  });
}
