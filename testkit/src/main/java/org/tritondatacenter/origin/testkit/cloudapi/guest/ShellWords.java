package org.tritondatacenter.origin.testkit.cloudapi.guest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one shell line into words and operators, just far enough for the guest model: quotes are
 * removed, backslash escapes applied, and a {@code $(…)} or backtick command substitution is kept
 * verbatim and flagged, never run. Variables stay as written.
 */
final class ShellWords {

  /**
   * One token of a line.
   *
   * @param text the word with quotes removed, or the operator itself
   * @param operator true for {@code ;}, {@code &&}, {@code ||}, {@code |}, {@code &}, redirections
   *     and the start of a comment
   * @param substitution true when the word holds a command substitution outside single quotes
   */
  record Word(String text, boolean operator, boolean substitution) {}

  private final String line;
  private final List<Word> words = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private boolean inWord;
  private boolean substitution;
  private int pos;

  private ShellWords(String line) {
    this.line = line;
  }

  /** Returns the tokens of {@code line}; a {@code #} at the start of a word ends the line. */
  static List<Word> split(String line) {
    ShellWords s = new ShellWords(line);
    s.run();
    return s.words;
  }

  /** Returns true when a quote or substitution is still open at the end of {@code text}. */
  static boolean unterminated(String text) {
    ShellWords s = new ShellWords(text);
    try {
      s.run();
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  private void run() {
    while (pos < line.length()) {
      char c = line.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        endWord();
        pos++;
      } else if (c == '#' && !inWord) {
        endWord();
        words.add(new Word("#", true, false));
        return;
      } else if (c == '\'') {
        inWord = true;
        int end = line.indexOf('\'', pos + 1);
        if (end < 0) {
          throw new IllegalStateException("unterminated single quote");
        }
        current.append(line, pos + 1, end);
        pos = end + 1;
      } else if (c == '"') {
        inWord = true;
        doubleQuoted();
      } else if (c == '\\') {
        // A backslash-newline joins lines and is removed; any other escaped character is literal.
        if (pos + 1 < line.length() && line.charAt(pos + 1) != '\n') {
          inWord = true;
          current.append(line.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' && next() == '(' || c == '`') {
        inWord = true;
        substitutionText();
      } else if (";&|<>".indexOf(c) >= 0) {
        operator(c);
      } else {
        inWord = true;
        current.append(c);
        pos++;
      }
    }
    endWord();
  }

  private char next() {
    return pos + 1 < line.length() ? line.charAt(pos + 1) : 0;
  }

  private void doubleQuoted() {
    pos++;
    while (pos < line.length()) {
      char c = line.charAt(pos);
      if (c == '"') {
        pos++;
        return;
      }
      if (c == '\\' && pos + 1 < line.length() && "\"\\$`\n".indexOf(line.charAt(pos + 1)) >= 0) {
        if (line.charAt(pos + 1) != '\n') {
          current.append(line.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' && next() == '(' || c == '`') {
        substitutionText();
      } else {
        current.append(c);
        pos++;
      }
    }
    throw new IllegalStateException("unterminated double quote");
  }

  /** Copies a {@code $(…)} (nested, with quotes inside) or a backtick substitution verbatim. */
  private void substitutionText() {
    substitution = true;
    int start = pos;
    if (line.charAt(pos) == '`') {
      int end = line.indexOf('`', pos + 1);
      if (end < 0) {
        throw new IllegalStateException("unterminated backtick");
      }
      pos = end + 1;
    } else {
      int depth = 0;
      char quote = 0;
      do {
        char c = line.charAt(pos);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else if (c == '\\' && quote == '"') {
            pos++;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '(') {
          depth++;
        } else if (c == ')') {
          depth--;
        }
        pos++;
      } while (depth > 0 && pos < line.length());
      if (depth > 0) {
        throw new IllegalStateException("unterminated command substitution");
      }
    }
    current.append(line, start, pos);
  }

  private void operator(char c) {
    // A redirection's file descriptor ("2>&1") belongs to the operator, not to the arguments.
    if ((c == '>' || c == '<') && inWord && current.chars().allMatch(Character::isDigit)) {
      current.setLength(0);
      inWord = false;
    }
    endWord();
    int start = pos;
    pos++;
    while (pos < line.length() && ";&|<>".indexOf(line.charAt(pos)) >= 0 && pos - start < 2) {
      pos++;
    }
    words.add(new Word(line.substring(start, pos), true, false));
  }

  private void endWord() {
    if (inWord) {
      words.add(new Word(current.toString(), false, substitution));
    }
    current.setLength(0);
    inWord = false;
    substitution = false;
  }
}
