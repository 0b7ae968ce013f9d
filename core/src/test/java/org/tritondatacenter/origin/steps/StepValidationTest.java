package org.tritondatacenter.origin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tritondatacenter.origin.TritonException;

class StepValidationTest {

  private static List<String> problems(Step step, Map<String, ?> args) {
    StepArgumentException e =
        catchThrowableOfType(StepArgumentException.class, () -> step.validate(args));
    assertThat(e).as("%s must refuse %s", step, args).isNotNull();
    assertThat(e).isInstanceOf(TritonException.class);
    assertThat(e.getMessage()).startsWith(step.functionName() + ": ");
    assertThat(e.step()).isEqualTo(step);
    return e.problems();
  }

  @Test
  void validate_unknownParameter_namesItSuggestsAndListsValidOnes() {
    assertThatThrownBy(
            () ->
                Step.IMGADM_PUBLISH.validate(
                    Map.of("export", Samples.export().toMap(), "chanel", "dev")))
        .isInstanceOf(StepArgumentException.class)
        .hasMessage(
            "imgadmPublish: unknown parameter 'chanel'; did you mean 'channel'? Valid parameters:"
                + " export, from, manifest, file, sourceImgapi, uuids, imgapi, channel,"
                + " fileSource, makePublic");
  }

  @Test
  void validate_unrelatedUnknownParameter_listsValidOnesWithoutGuessing() {
    assertThat(problems(Step.MANTA_EXPORT, Map.of("build", Samples.build().toMap(), "zz", 1)))
        .containsExactly(
            "unknown parameter 'zz'. Valid parameters: build, manta, cloudapi, project, path,"
                + " deleteImages");
  }

  @Test
  void validate_emptyBuildCall_appliesStaticDefaults() {
    StepArguments args = Step.TRITON_ORIGIN_BUILD.validate(Map.of());

    assertThat(args.string("images")).isEqualTo("images.json");
    assertThat(args.isSet("images")).isFalse();
    assertThat(args.has("images")).isTrue();
    assertThat(args.bool("force")).isFalse();
    assertThat(args.integer("timeoutMinutes")).isEqualTo(60);
    assertThat(args.optionalInteger("concurrency")).isEmpty();
    assertThat(args.optionalString("version")).isEmpty();
    assertThat(args.list("only")).isEmpty();
    assertThat(args.bool("allowKnownBrokenOrigin")).isFalse();
    assertThat(args.toMap())
        .containsOnlyKeys(
            "images", "force", "allowKnownBrokenOrigin", "keepOnFailure", "timeoutMinutes");
  }

  @Test
  void validate_nullArguments_countAsNotGiven() {
    Map<String, Object> raw = new HashMap<>();
    raw.put("channel", null);
    raw.put("version", null);

    StepArguments args = Step.TRITON_ORIGIN_BUILD.validate(raw);

    assertThat(args.isSet("channel")).isFalse();
    assertThat(args.isSet("version")).isFalse();
    assertThat(Step.TRITON_ORIGIN_BUILD.validate(null).string("images")).isEqualTo("images.json");
  }

  @Test
  void validate_imagesJson_dropsTheImagesDefault() {
    StepArguments args = Step.TRITON_ORIGIN_BUILD.validate(Map.of("imagesJson", "[]"));

    assertThat(args.has("images")).isFalse();
    assertThat(args.string("imagesJson")).isEqualTo("[]");
  }

  @Test
  void validate_imagesAndImagesJson_isRefused() {
    assertThat(problems(Step.TRITON_ORIGIN_BUILD, Map.of("images", "a.json", "imagesJson", "[]")))
        .containsExactly("give 'images' or 'imagesJson', not both");
  }

  @Test
  void validate_channelWithoutImgapi_isAcceptedForTheDefaultImgapi() {
    StepArguments args = Step.TRITON_ORIGIN_BUILD.validate(Map.of("channel", "dev"));

    assertThat(args.string("channel")).isEqualTo("dev");
    assertThat(args.isSet("imgapi")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "concurrency|0|'concurrency': must be between 1 and 16, got 0",
        "concurrency|17|'concurrency': must be between 1 and 16, got 17",
        "timeoutMinutes|1441|'timeoutMinutes': must be between 1 and 1440, got 1441",
        "timeoutMinutes|4.5|'timeoutMinutes': expects a whole number, got the string '4.5'",
        "version|a/b|'version': 'a/b' has characters IMGAPI versions do not allow; expected ASCII"
            + " letters, digits, '.', '_', '+' and '-' ('/' is refused because the version is part"
            + " of Manta file names)",
        "timestamp|2025-01-16|'timestamp': expected UTC time as YYYYMMDDTHHMMSSZ, such as"
            + " 20250116T175211Z, got '2025-01-16'",
        "gitCommit|HEAD|'gitCommit': expected a git commit hash of 7 to 40 hex digits, got 'HEAD'",
        "only|a*b|'only': item 'a*b': expected an image name such as triton-origin-x86_64-24.4.1",
        "cloudapi|us east|'cloudapi': expected an endpoint name such as us-east-1: ASCII letters,"
            + " digits, '.', '_' and '-', at most 64, no spaces or slashes, got 'us east'",
        "branch|'   '|'branch': is empty; give a string or leave it out"
      })
  void validate_badBuildValue_isRefusedWithReason(String name, String value, String message) {
    Map<String, Object> args = new HashMap<>(Map.of(name, value));
    assertThat(problems(Step.TRITON_ORIGIN_BUILD, args)).containsExactly(message);
  }

  @Test
  void validate_badMantaPathAndProject_areRefused() {
    Map<String, Object> build = Samples.build().toMap();

    assertThat(problems(Step.MANTA_EXPORT, Map.of("build", build, "path", "builds/x")))
        .containsExactly(
            "'path': expected an absolute Manta path such as /account/public/builds/x, got"
                + " 'builds/x'");
    assertThat(problems(Step.MANTA_EXPORT, Map.of("build", build, "path", "/a/../b")))
        .containsExactly("'path': must not contain '..' segments");
    assertThat(problems(Step.MANTA_EXPORT, Map.of("build", build, "project", "..")))
        .containsExactly("'project': must be a directory name, not '..'");
    assertThat(problems(Step.MANTA_EXPORT, Map.of("build", build, "project", "p", "path", "/a")))
        .containsExactly("give 'project' or 'path', not both");
  }

  @Test
  void validate_exportPath_dropsTheProjectDefault() {
    StepArguments args =
        Step.MANTA_EXPORT.validate(Map.of("build", Samples.build().toMap(), "path", "/a/b"));

    assertThat(args.has("project")).isFalse();
    assertThat(args.bool("deleteImages")).isTrue();
  }

  @Test
  void validate_exportWithoutBuild_isRefusedAsMissing() {
    assertThat(problems(Step.MANTA_EXPORT, Map.of()))
        .containsExactly(
            "'build': missing required parameter (map): What tritonOriginBuild returned.");
  }

  @Test
  void validate_malformedBuildMap_namesTheKeys() {
    Map<String, Object> build = Samples.copy(Samples.build().toMap());
    build.remove("buildId");
    build.put("timestamp", "now");

    assertThat(problems(Step.MANTA_EXPORT, Map.of("build", build)))
        .containsExactly(
            "'build': missing key 'buildId'; expected a build id such as to-20250116T175211-abcdef"
                + " (pass what tritonOriginBuild returned)",
            "'build': 'timestamp': expected a timestamp YYYYMMDDTHHMMSSZ, got the string 'now'"
                + " (pass what tritonOriginBuild returned)");
  }

  @Test
  void validate_publishWithoutSource_listsTheForms() {
    assertThat(problems(Step.IMGADM_PUBLISH, Map.of("channel", "dev")))
        .containsExactly(
            "needs a source: give 'export' (what mantaExport returned), 'from' (a Manta build"
                + " directory), 'manifest' + 'file', or 'sourceImgapi' + 'uuids'");
  }

  @Test
  void validate_publishWithTwoSources_namesBoth() {
    assertThat(
            problems(
                Step.IMGADM_PUBLISH,
                Map.of("export", Samples.export().toMap(), "from", Samples.DIR)))
        .containsExactly(
            "give exactly one source, not 'export' and 'from'; the forms are 'export', 'from',"
                + " 'manifest' + 'file' and 'sourceImgapi' + 'uuids'");
  }

  @Test
  void validate_publishWithHalfForms_namesTheMissingHalves() {
    assertThat(
            problems(
                Step.IMGADM_PUBLISH,
                Map.of("manifest", "/a/x.imgmanifest", "uuids", Samples.UUID_A)))
        .containsExactly(
            "'manifest' needs 'file' as well",
            "'uuids' needs 'sourceImgapi' as well",
            "give exactly one source, not 'manifest' + 'file' and 'sourceImgapi' + 'uuids'; the"
                + " forms are 'export', 'from', 'manifest' + 'file' and 'sourceImgapi' + 'uuids'");
  }

  @Test
  void validate_publishFileSource_isCheckedAndNormalised() {
    Map<String, Object> export = Samples.export().toMap();

    assertThat(problems(Step.IMGADM_PUBLISH, Map.of("export", export, "fileSource", "ftp")))
        .containsExactly("'fileSource': must be one of auto, stream, url; got 'ftp'");
    assertThat(
            Step.IMGADM_PUBLISH
                .validate(Map.of("export", export, "fileSource", " URL "))
                .string("fileSource"))
        .isEqualTo("url");
  }

  @Test
  void validate_malformedExportMap_namesTheKeys() {
    Map<String, Object> export = Samples.copy(Samples.export().toMap());
    export.put("dir", "relative");

    assertThat(problems(Step.IMGADM_PUBLISH, Map.of("export", export)))
        .containsExactly(
            "'export': 'dir': expected a Manta path, got the string 'relative' (pass what"
                + " mantaExport returned)");
  }

  @Test
  void validate_channelAddSelections_needExactlyOneForm() {
    assertThat(problems(Step.IMGADM_CHANNEL_ADD, Map.of("channels", "staging")))
        .containsExactly("needs images: give 'uuids', or 'name' + 'version'");
    assertThat(
            problems(
                Step.IMGADM_CHANNEL_ADD,
                Map.of("channels", "staging", "uuids", Samples.UUID_A, "name", "triton-origin")))
        .containsExactly("select images by 'uuids' or by 'name' + 'version', not both");
    assertThat(problems(Step.IMGADM_CHANNEL_ADD, Map.of("channels", "staging", "name", "x")))
        .containsExactly("'name' needs 'version' as well (the exact version to add)");
    assertThat(problems(Step.IMGADM_CHANNEL_ADD, Map.of("channels", "staging", "version", "1")))
        .containsExactly("'version' needs 'name' as well (the image name filter)");
  }

  @Test
  void validate_malformedUuidOrChannel_isRefusedWithTheValue() {
    assertThat(
            problems(
                Step.IMGADM_CHANNEL_ADD,
                Map.of("channels", "staging,re lease", "uuids", "41bd4100-xxxx")))
        .containsExactly(
            "'channels': item 're lease': expected a channel name such as staging: ASCII letters,"
                + " digits, '.', '_' and '-', at most 64, no spaces or slashes",
            "'uuids': item '41bd4100-xxxx': expected a UUID such as"
                + " 41bd4100-eb86-409a-85b0-e649aadf6f62");
    assertThat(
            problems(Step.IMGADM_CHANNEL_ADD, Map.of("channels", "a/b", "uuids", Samples.UUID_A)))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("'channels': item 'a/b': expected a channel name");
  }

  @Test
  void validate_severalProblems_reportsAllInOneMessage() {
    Map<String, Object> raw = new HashMap<>();
    raw.put("chanels", "staging");
    raw.put("latest", "maybe");
    raw.put("fromChannel", "my channel");

    StepArgumentException e =
        catchThrowableOfType(
            StepArgumentException.class, () -> Step.IMGADM_CHANNEL_ADD.validate(raw));

    assertThat(e.problems())
        .hasSize(5)
        .contains(
            "'channels': missing required parameter (list of channel names): Channels to add the"
                + " images to.",
            "needs images: give 'uuids', or 'name' + 'version'",
            "'latest': expects true or false, got the string 'maybe'");
    assertThat(e.getMessage())
        .startsWith("imgadmChannelAdd: 5 problems:\n  - ")
        .contains("unknown parameter 'chanels'; did you mean 'channels'?")
        .contains("\n  - 'fromChannel': expected a channel name");
  }

  @Test
  void accessors_misuse_throwProgrammingErrors() {
    StepArguments args = Step.TRITON_ORIGIN_BUILD.validate(Map.of());

    assertThatThrownBy(() -> args.string("force"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tritonOriginBuild: 'force' is a boolean, not a text");
    assertThatThrownBy(() -> args.isSet("channels"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tritonOriginBuild has no parameter 'channels'");
    assertThatThrownBy(() -> args.string("version"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("tritonOriginBuild: 'version' has no value; check has(\"version\") first");
  }

  @Test
  void toString_longInlineJson_isShortened() {
    String json = "[" + " ".repeat(500) + "]";

    String text = Step.TRITON_ORIGIN_BUILD.validate(Map.of("imagesJson", json)).toString();

    assertThat(text)
        .startsWith("tritonOriginBuild{imagesJson=[")
        .contains("... (502 characters)")
        .hasSizeLessThan(200);
  }
}
