package org.tritondatacenter.origin.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad images files under {@code src/test/resources/.../images/bad}: each file with
 * every problem the reader must report, exactly, in file order.
 */
class ImagesJsonCorpusTest {

  static Stream<Arguments> corpus() {
    return Stream.of(
        corpus(
            "absurd-memory.json",
            "absurd-memory.json:11:25: $[0].protoMinMemoryMb: 2097152 MiB is more than 1 TiB (1048576 MiB); expected the proto machine's memory in MiB, such as 1024",
            "absurd-memory.json:22:25: $[1].protoMinMemoryMb: 99999999999999999999999 MiB is more than 1 TiB (1048576 MiB); expected the proto machine's memory in MiB, such as 1024"),
        corpus(
            "control-characters.json",
            "control-characters.json:3:19: $[0].namePrefix: contains the control character U+0007 at position 14; expected printable text",
            "control-characters.json:4:13: $[0].desc: contains the control character U+000A at position 36; expected printable text",
            "control-characters.json:10:16: $[0].pkgsrc[0]: contains the control character U+0000 at position 5; expected printable text",
            "control-characters.json:12:16: $[0].script[0]: contains the control character U+000A at position 9; expected printable text"),
        corpus(
            "duplicate-image-names.json",
            "duplicate-image-names.json:13:3: $[1]: duplicate image name 'triton-origin-x86_64-24.4.1' (also built by $[0]); each entry needs a distinct namePrefix or origin.version"),
        corpus(
            "duplicate-package-names.json",
            "duplicate-package-names.json:10:45: $[0].pkgsrc[3]: duplicate package 'curl' (also at $[0].pkgsrc[1])"),
        corpus(
            "duplicated-key.json",
            "duplicated-key.json:12:5: $[0].desc: duplicated key 'desc' (first at line 4, column 5); each key may appear once per object"),
        corpus(
            "empty-array.json",
            "empty-array.json:1:1: $: the array is empty; expected at least one image object"),
        corpus(
            "empty-package-name.json",
            "empty-package-name.json:10:29: $[0].pkgsrc[1]: empty package name; remove it or write a name"),
        corpus(
            "huge-strings.json",
            "huge-strings.json:3:19: $[0].namePrefix: is 600 characters long; at most 256 are allowed",
            "huge-strings.json:4:13: $[0].desc: is 600 characters long; at most 512 are allowed",
            "huge-strings.json:8:18: $[0].origin.version: is 200 characters long; at most 128 are allowed"),
        corpus(
            "invalid-json.json",
            "invalid-json.json:5:5: $: invalid JSON: expected ',' before this point; is a comma missing at the end of the previous entry?"),
        corpus(
            "known-broken-origin.json",
            "known-broken-origin.json:5:15: $[0].origin: origin base-64-lts@16.4.1 is known to be broken (DATASET-1297: base-64-lts 16.4.1 image is broken: does not work on platforms older than 20161108T160947Z); use a newer origin, or set 'allowKnownBrokenOrigin' only if every platform the image will run on is newer than that"),
        corpus(
            "malformed-uuid.json",
            "malformed-uuid.json:6:15: $[0].origin.uuid: expected a UUID such as 41bd4100-eb86-409a-85b0-e649aadf6f62, got '41bd4100-eb86-409a-85b0-e649aadf6f6'"),
        corpus(
            "missing-required.json",
            "missing-required.json:2:3: $[0]: missing required key 'desc'; expected the image description",
            "missing-required.json:2:3: $[0]: missing required key 'protoMinMemoryMb'; expected a number of MiB such as 1024",
            "missing-required.json:4:15: $[0].origin: missing required key 'name'; expected the origin image name, such as minimal-64-lts"),
        corpus(
            "negative-memory.json",
            "negative-memory.json:11:25: $[0].protoMinMemoryMb: must be a positive number of MiB, such as 1024; got -1024",
            "negative-memory.json:22:25: $[1].protoMinMemoryMb: must be a positive number of MiB, such as 1024; got 0"),
        corpus(
            "non-ascii-names.json",
            "non-ascii-names.json:3:19: $[0].namePrefix: contains the non-ASCII character U+00ED at position 10; only ASCII is allowed here",
            "non-ascii-names.json:10:24: $[0].pkgsrc[1]: contains the non-ASCII character U+2010 at position 5; only ASCII is allowed here"),
        corpus(
            "not-an-array.json",
            "not-an-array.json:1:1: $: expected a JSON array of image objects at the top level, got an object"),
        corpus(
            "path-like-names.json",
            "path-like-names.json:3:19: $[0].namePrefix: '../x' looks like a path; '/' and '..' are refused because the image name becomes a Manta file name",
            "path-like-names.json:14:19: $[1].namePrefix: 'triton-origin/x86_64' looks like a path; '/' and '..' are refused because the image name becomes a Manta file name",
            "path-like-names.json:19:18: $[1].origin.version: '24.4.1/..' is not allowed; expected a version such as 24.4.1 (ASCII letters, digits, '.', '_' and '-'; it becomes the image name suffix)"),
        corpus(
            "reserved-names.json",
            "reserved-names.json:12:14: $[0].tags['triton-origin.spec']: tag 'triton-origin.spec' is set by triton-origin itself; choose another name (reserved: branch, timestamp, git and triton-origin.*)",
            "reserved-names.json:12:44: $[0].tags.branch: tag 'branch' is set by triton-origin itself; choose another name (reserved: branch, timestamp, git and triton-origin.*)",
            "reserved-names.json:13:18: $[0].metadata['user-script']: metadata key 'user-script' is used by the build itself; use 'script' for extra shell lines",
            "reserved-names.json:13:45: $[0].metadata.admin_pw: metadata key 'admin_pw' ends in _pw, which CloudAPI silently drops",
            "reserved-names.json:14:17: $[0].homepage: expected an absolute http or https URL such as https://github.com/TritonDataCenter/triton-origin-image, got 'ftp://example.com/origin'"),
        corpus(
            "several-errors.json",
            "several-errors.json:6:15: $[0].origin.uuid: expected a UUID such as 41bd4100-eb86-409a-85b0-e649aadf6f62, got 'not-a-uuid'",
            "several-errors.json:10:24: $[0].pkgsrc[1]: empty package name; remove it or write a name",
            "several-errors.json:11:25: $[0].protoMinMemoryMb: expected a whole number of MiB such as 1024 (or a numeric string such as \"1024\"), got 'lots'",
            "several-errors.json:13:5: $[0].audti: unknown key 'audti' in an image entry; did you mean 'audit'? Known keys: namePrefix, desc, origin, pkgsrc, protoMinMemoryMb, package, networks, upgrade, audit, script, tags, metadata, homepage",
            "several-errors.json:16:19: $[1].namePrefix: '../escape' looks like a path; '/' and '..' are refused because the image name becomes a Manta file name",
            "several-errors.json:23:24: $[1].pkgsrc[1]: duplicate package 'curl' (also at $[1].pkgsrc[0])",
            "several-errors.json:24:25: $[1].protoMinMemoryMb: must be a positive number of MiB, such as 1024; got -1",
            "several-errors.json:26:3: $[2]: expected an image object with namePrefix, desc, origin, pkgsrc and protoMinMemoryMb, got a string"),
        corpus(
            "trailing-comma.json",
            "trailing-comma.json:10:31: $: invalid JSON: a ',' comes right before a closing bracket; JSON does not allow trailing commas"),
        corpus(
            "truncated.json",
            "truncated.json:8:1: $: unexpected end of file (truncated?): the object opened at line 5, column 15 is not closed"),
        corpus(
            "unknown-key.json",
            "unknown-key.json:2:3: $[0]: missing required key 'namePrefix'; expected the image name prefix, such as triton-origin-x86_64",
            "unknown-key.json:3:5: $[0].nmePrefix: unknown key 'nmePrefix' in an image entry; did you mean 'namePrefix'? Known keys: namePrefix, desc, origin, pkgsrc, protoMinMemoryMb, package, networks, upgrade, audit, script, tags, metadata, homepage",
            "unknown-key.json:9:7: $[0].origin.os: unknown key 'os' in origin. Known keys: uuid, name, version"),
        corpus(
            "wrong-types.json",
            "wrong-types.json:3:19: $[0].namePrefix: expected a string, got a number",
            "wrong-types.json:4:13: $[0].desc: expected a string, got an array",
            "wrong-types.json:5:15: $[0].origin: expected an object with uuid, name and version, got a string",
            "wrong-types.json:6:15: $[0].pkgsrc: expected an array of package names, got a string",
            "wrong-types.json:7:25: $[0].protoMinMemoryMb: expected a whole number of MiB such as 1024 (or a numeric string such as \"1024\"), got 1024.5",
            "wrong-types.json:8:16: $[0].upgrade: expected true or false (without quotes), got a string",
            "wrong-types.json:9:18: $[0].networks[0]: expected a string, got null",
            "wrong-types.json:10:22: $[0].tags.role: expected a string, number or boolean, got an object",
            "wrong-types.json:11:27: $[0].metadata.count: expected a string, got a number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void read_badFile_reportsEveryProblemWithPosition(String file, List<String> expected) {
    ImagesJsonException e =
        catchThrowableOfType(
            ImagesJsonException.class, () -> ImagesJsonReader.strict().parse(file, resource(file)));

    assertThat(e).as("%s must be refused", file).isNotNull();
    assertThat(e.problems()).map(Object::toString).containsExactlyElementsOf(expected);
    assertThat(e.getMessage())
        .startsWith(file + " is not a valid images file (")
        .contains(expected);
  }

  private static Arguments corpus(String file, String... problems) {
    return Arguments.of(file, List.of(problems));
  }

  static String resource(String file) {
    try (InputStream in = ImagesJsonCorpusTest.class.getResourceAsStream("bad/" + file)) {
      assertThat(in).as("test resource bad/%s", file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
