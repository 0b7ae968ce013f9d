package org.tritondatacenter.origin.testkit.cloudapi.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tritondatacenter.origin.testkit.cloudapi.guest.ShellWords.Word;

/**
 * Finds the top-level lines of a user-script: the lines a shell would run when it reads them.
 *
 * <p>Continuation lines (a trailing backslash, an open quote or substitution) are joined. Function
 * bodies, {@code trap} commands and here-documents are definitions or data, not commands run when
 * read, so they are skipped, as are blank lines and comments. This is deliberately not a shell
 * interpreter: {@code if}, loops and variables are not evaluated.
 */
final class ScriptLines {
  private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_:.-]*\\(\\)");

  /** One top-level line with its 1-based line number in the script. */
  record Line(int number, String text, List<Word> words) {}

  private ScriptLines() {}

  static List<Line> topLevel(String script) {
    String[] physical = script.replace("\r\n", "\n").split("\n", -1);
    List<Line> out = new ArrayList<>();
    int depth = 0;
    boolean awaitingBody = false;
    int i = 0;
    while (i < physical.length) {
      int number = i + 1;
      StringBuilder logical = new StringBuilder(physical[i++]);
      while (i < physical.length && continues(logical)) {
        logical.append('\n').append(physical[i++]);
      }
      String text = logical.toString().trim();
      List<Word> words = words(text);
      i = skipHereDocument(words, physical, i);
      if (depth > 0 || awaitingBody) {
        if (awaitingBody && !startsBody(words)) {
          awaitingBody = false;
        } else {
          awaitingBody = false;
          depth += braces(words);
          continue;
        }
      }
      if (words.isEmpty() || words.get(0).operator()) {
        continue;
      }
      if (isFunctionHeader(words)) {
        int open = braces(words);
        awaitingBody = open == 0 && !text.endsWith("}");
        depth = Math.max(open, 0);
        continue;
      }
      if (words.get(0).text().equals("trap")) {
        continue;
      }
      out.add(new Line(number, text, words));
    }
    return out;
  }

  private static boolean continues(StringBuilder logical) {
    String s = logical.toString();
    return s.endsWith("\\") || ShellWords.unterminated(s);
  }

  private static List<Word> words(String text) {
    try {
      return ShellWords.split(text);
    } catch (IllegalStateException e) {
      // An open quote at the end of the script: keep what can be read.
      return ShellWords.split(text.replace("'", "").replace("\"", ""));
    }
  }

  private static boolean isFunctionHeader(List<Word> words) {
    String first = words.get(0).text();
    if (first.equals("function")) {
      return true;
    }
    if (FUNCTION_NAME.matcher(first).matches()) {
      return true;
    }
    return words.size() > 1 && words.get(1).text().equals("()");
  }

  private static boolean startsBody(List<Word> words) {
    return !words.isEmpty() && words.get(0).text().equals("{");
  }

  /** Counts standalone braces: +1 for each {@code {} word and -1 for each {@code }} word. */
  private static int braces(List<Word> words) {
    int n = 0;
    for (Word w : words) {
      if (w.operator()) {
        continue;
      }
      if (w.text().equals("{")) {
        n++;
      } else if (w.text().equals("}")) {
        n--;
      }
    }
    return n;
  }

  /** Skips the body of a here-document started on this line; returns the next line index. */
  private static int skipHereDocument(List<Word> words, String[] physical, int next) {
    for (int w = 0; w + 1 < words.size(); w++) {
      if (words.get(w).operator() && words.get(w).text().equals("<<")) {
        Word target = words.get(w + 1);
        if (target.operator()) {
          return next;
        }
        boolean stripTabs = target.text().startsWith("-");
        String delimiter = stripTabs ? target.text().substring(1) : target.text();
        int i = next;
        while (i < physical.length) {
          String line = stripTabs ? physical[i].replaceFirst("^\t+", "") : physical[i];
          i++;
          if (line.equals(delimiter)) {
            break;
          }
        }
        return i;
      }
    }
    return next;
  }
}
