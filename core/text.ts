/**
 * Tidy what a user typed before it is answered: terminal escape sequences and
 * control characters are debris (or an injection attempt), never meaning. Line
 * breaks are kept because notes use them. Triage reads the raw text separately.
 */
export function cleanUserText(s: string): string {
  return (
    s
      // ANSI CSI / OSC sequences such as ESC[2J or ESC]0;title BEL
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g, "")
      // HTML tags pasted from emails or case systems (or an injection attempt) are markup, not words.
      .replace(/<\/?[a-z][^<>]{0,500}>/gi, " ")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "")
  );
}
