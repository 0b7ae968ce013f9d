package org.tritondatacenter.origin.testkit.cloudapi.guest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tritondatacenter.origin.testkit.cloudapi.guest.ShellWords.Word;

/**
 * What the guest model makes of one top-level line. Only the first simple command of a line counts;
 * leading variable assignments and wrappers such as {@code sudo} are looked through.
 *
 * @param type the kind of command
 * @param packages the package arguments of {@code pkgin install}
 * @param key the key of {@code mdata-put}
 * @param value the value of {@code mdata-put}, quotes removed, or null when missing
 * @param substitution true when the {@code mdata-put} value holds a command substitution
 */
record Command(Type type, List<String> packages, String key, String value, boolean substitution) {

  /** The commands the model recognises; {@code OTHER} is every other line. */
  enum Type {
    UPDATE("update"),
    UPGRADE("upgrade"),
    INSTALL("install"),
    AUDIT("audit"),
    MDATA_PUT(null),
    OTHER(null);

    final String step;

    Type(String step) {
      this.step = step;
    }
  }

  private static final Set<String> WRAPPERS = Set.of("sudo", "time", "env", "command", "exec");

  static Command parse(List<Word> words) {
    List<String> simple = new ArrayList<>();
    for (Word w : words) {
      if (w.operator()) {
        break;
      }
      simple.add(w.text());
    }
    int i = 0;
    while (i < simple.size()
        && (WRAPPERS.contains(simple.get(i))
            || simple.get(i).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
      i++;
    }
    if (i >= simple.size()) {
      return other();
    }
    String program = simple.get(i).substring(simple.get(i).lastIndexOf('/') + 1);
    List<String> args = simple.subList(i + 1, simple.size());
    return switch (program) {
      case "pkgin" -> pkgin(args);
      // pkg_admin's options take arguments (-K dir), so look for the subcommand anywhere.
      case "pkg_admin" -> args.contains("audit") ? of(Type.AUDIT) : other();
      case "mdata-put" -> mdataPut(words, i + 1);
      default -> other();
    };
  }

  private static Command pkgin(List<String> args) {
    String sub = firstOperand(args);
    return switch (sub) {
      case "update", "up" -> of(Type.UPDATE);
      case "full-upgrade", "fug", "upgrade", "ug" -> of(Type.UPGRADE);
      case "install", "in" -> {
        List<String> packages = new ArrayList<>();
        boolean seenSub = false;
        for (String a : args) {
          if (a.startsWith("-")) {
            continue;
          }
          if (seenSub) {
            packages.add(a);
          }
          seenSub = true;
        }
        yield new Command(Type.INSTALL, List.copyOf(packages), null, null, false);
      }
      default -> other();
    };
  }

  private static Command mdataPut(List<Word> words, int keyIndex) {
    // Count through the original words: the value word carries the substitution flag.
    int seen = 0;
    Word key = null;
    Word value = null;
    for (Word w : words) {
      if (w.operator()) {
        break;
      }
      if (seen == keyIndex) {
        key = w;
      } else if (seen == keyIndex + 1) {
        value = w;
      }
      seen++;
    }
    return new Command(
        Type.MDATA_PUT,
        List.of(),
        key == null ? null : key.text(),
        value == null ? null : value.text(),
        value != null && value.substitution());
  }

  private static String firstOperand(List<String> args) {
    return args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
  }

  private static Command of(Type type) {
    return new Command(type, List.of(), null, null, false);
  }

  private static Command other() {
    return of(Type.OTHER);
  }
}
