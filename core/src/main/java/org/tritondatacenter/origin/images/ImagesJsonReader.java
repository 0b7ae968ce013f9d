package org.tritondatacenter.origin.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads images.json strictly and reports every problem at once.
 *
 * <p>Unlike the lenient mapper used for API answers, this reader refuses unknown and duplicated
 * keys, wrong types, malformed UUIDs, unsafe or oversized names, duplicate image and package names,
 * absurd memory sizes and known-broken origins. Each problem names the file, the JSON path, the
 * line and the column.
 */
public final class ImagesJsonReader {
  /** The largest images file accepted; real ones are a few kilobytes. */
  static final int MAX_FILE_CHARS = 4 * 1024 * 1024;

  private static final ImagesJsonReader STRICT = new ImagesJsonReader(false);

  private final boolean allowKnownBroken;

  private ImagesJsonReader(boolean allowKnownBroken) {
    this.allowKnownBroken = allowKnownBroken;
  }

  /** Returns a reader that refuses known-broken origins (see {@link KnownBrokenOrigins}). */
  public static ImagesJsonReader strict() {
    return STRICT;
  }

  /** Returns a reader like this one that accepts known-broken origins. */
  public ImagesJsonReader allowingKnownBrokenOrigins() {
    return new ImagesJsonReader(true);
  }

  /**
   * Reads and checks an images file. Messages name the file as {@code file.toString()}.
   *
   * @throws ImagesJsonException listing every problem, including an unreadable file or text that is
   *     not UTF-8
   */
  public ImagesFile read(Path file) {
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_CHARS) {
        throw single(name, "is " + size + " bytes; images files are at most 4 MiB");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return parse(name, text);
    } catch (NoSuchFileException e) {
      throw single(name, "no such file; give the path of the images file (default images.json)");
    } catch (CharacterCodingException e) {
      throw single(name, "is not valid UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw single(name, "cannot be read: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /**
   * Checks images JSON text.
   *
   * @param source the file name to use in messages, such as {@code images.json}
   * @param text the JSON text
   * @throws ImagesJsonException listing every problem
   */
  public ImagesFile parse(String source, String text) {
    Problems problems = new Problems(source);
    if (text.length() > MAX_FILE_CHARS) {
      throw single(source, "is " + text.length() + " characters; images files are at most 4 MiB");
    }
    // A byte-order mark is harmless in a UTF-8 file, but Jackson sees it as a stray character.
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonTree root = JsonTreeParser.parse(json, problems);
    List<ImageSpec> images = root == null ? List.of() : entries(root, problems);
    if (!problems.isEmpty()) {
      throw new ImagesJsonException(source, problems.list());
    }
    return new ImagesFile(source, images);
  }

  private List<ImageSpec> entries(JsonTree root, Problems problems) {
    if (!(root instanceof JsonTree.Arr arr)) {
      problems.add(
          "$",
          root.at(),
          "expected a JSON array of image objects at the top level, got " + root.typeName());
      return List.of();
    }
    if (arr.items().isEmpty()) {
      problems.add("$", arr.at(), "the array is empty; expected at least one image object");
      return List.of();
    }
    EntryReader reader = new EntryReader(problems);
    Map<String, String> names = new HashMap<>();
    List<ImageSpec> images = new ArrayList<>();
    for (int i = 0; i < arr.items().size(); i++) {
      EntryReader.Entry entry = reader.read(arr.items().get(i), Problems.index("$", i));
      if (entry == null) {
        continue;
      }
      ImageSpec spec = entry.spec();
      String first = names.putIfAbsent(spec.imageName(), entry.path());
      if (first != null) {
        problems.add(
            entry.path(),
            entry.at(),
            "duplicate image name "
                + Problems.quote(spec.imageName())
                + " (also built by "
                + first
                + "); each entry needs a distinct namePrefix or origin.version");
      }
      Optional<String> broken =
          KnownBrokenOrigins.reason(spec.origin().name(), spec.origin().version());
      if (broken.isPresent() && !allowKnownBroken) {
        problems.add(
            Problems.key(entry.path(), "origin"),
            entry.originAt(),
            KnownBrokenOrigins.message(
                spec.origin().name(), spec.origin().version(), broken.get()));
      }
      images.add(spec);
    }
    return images;
  }

  private static ImagesJsonException single(String file, String message) {
    return new ImagesJsonException(
        file, List.of(new ImagesJsonException.Problem(file, "$", 0, 0, message)));
  }
}
