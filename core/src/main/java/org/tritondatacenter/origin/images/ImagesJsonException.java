package org.tritondatacenter.origin.images;

import java.util.List;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.TritonException;

/**
 * Reports an images.json that cannot be used, with every problem found, not only the first.
 *
 * <p>The message has a header line and then one line per problem, in the form {@code
 * file:line:column: path: what is wrong and what is expected}, which editors and CI logs turn into
 * links.
 */
public class ImagesJsonException extends TritonException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final List<Problem> problems;

  /**
   * Creates the exception.
   *
   * @param file the file name as the user knows it, such as {@code images.json}
   * @param problems at least one problem
   */
  public ImagesJsonException(String file, List<Problem> problems) {
    super(format(file, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an ImagesJsonException needs at least one problem");
    }
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  private static String format(String file, List<Problem> problems) {
    String header =
        file
            + " is not a valid images file ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):";
    return problems.stream()
        .map(p -> "  " + p)
        .collect(Collectors.joining("\n", header + "\n", ""));
  }

  public String file() {
    return file;
  }

  /** Returns every problem found, in file order within each phase of checking. */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * One problem: where it is and what is wrong.
   *
   * @param file the file name
   * @param path the JSON path of the offending value or key, such as {@code $[1].origin.uuid}
   * @param line the 1-based line, or 0 when the problem has no position (an unreadable file)
   * @param column the 1-based column, or 0 when the problem has no position
   * @param message what is wrong and what is expected
   */
  public record Problem(String file, String path, int line, int column, String message) {
    @Override
    public String toString() {
      if (line < 1) {
        return file + ": " + message;
      }
      return file + ":" + line + ":" + column + ": " + path + ": " + message;
    }
  }
}
