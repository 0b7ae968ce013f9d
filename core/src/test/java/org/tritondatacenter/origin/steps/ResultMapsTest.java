package org.tritondatacenter.origin.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultMapsTest {
  private static final JsonMapper JSON = new JsonMapper();

  private static final PublishResult PUBLISH =
      new PublishResult(
          List.of(
              new PublishResult.Image(
                  Samples.UUID_B,
                  "triton-origin-x86_64-24.4.1",
                  "1.0.0",
                  "dev",
                  PublishResult.Outcome.PUBLISHED),
              new PublishResult.Image(
                  Samples.UUID_A,
                  "triton-origin-x86_64-23.4.0",
                  "1.0.0",
                  null,
                  PublishResult.Outcome.ALREADY_PUBLISHED)));

  private static final ChannelAddResult CHANNEL_ADD =
      new ChannelAddResult(
          List.of(
              new ChannelAddResult.Change(
                  Samples.UUID_B,
                  "triton-origin-x86_64-24.4.1",
                  "1.0.0",
                  "staging",
                  ChannelAddResult.Outcome.ADDED),
              new ChannelAddResult.Change(
                  Samples.UUID_B,
                  "triton-origin-x86_64-24.4.1",
                  "1.0.0",
                  "release",
                  ChannelAddResult.Outcome.ALREADY_PRESENT),
              new ChannelAddResult.Change(
                  Samples.UUID_B,
                  "triton-origin-x86_64-24.4.1",
                  "1.0.0",
                  "support",
                  ChannelAddResult.Outcome.WOULD_ADD)));

  @Test
  void buildMap_keys_matchTheContract() {
    Map<String, Object> map = Samples.build().toMap();

    assertThat(map).containsOnlyKeys("buildId", "branch", "timestamp", "gitCommit", "images");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> images = (List<Map<String, Object>>) map.get("images");
    assertThat(images.get(0))
        .containsOnlyKeys("name", "version", "uuid", "origin", "spec", "skipped", "pkgs", "audit")
        .containsEntry("skipped", false)
        .containsEntry("pkgs", List.of("coreutils-9.5", "curl-8.11.1"));
    // A skipped image names the published image it stands for, and has no audit: an absent key,
    // not a null.
    assertThat(images.get(1))
        .containsOnlyKeys("name", "version", "uuid", "origin", "spec", "skipped", "pkgs")
        .containsEntry("skipped", true)
        .containsEntry("uuid", Samples.UUID_PUBLISHED);
  }

  @Test
  void otherMaps_keys_matchTheContract() {
    assertThat(Samples.export().toMap()).containsOnlyKeys("dir", "latest", "images");
    assertThat(firstItem(Samples.export().toMap(), "images"))
        .containsOnlyKeys("name", "version", "uuid", "manifest", "file", "md5");
    assertThat(firstItem(PUBLISH.toMap(), "images"))
        .containsOnlyKeys("uuid", "name", "version", "channel", "result")
        .containsEntry("result", "published");
    assertThat(firstItem(CHANNEL_ADD.toMap(), "changes"))
        .containsOnlyKeys("uuid", "name", "version", "channel", "result")
        .containsEntry("result", "added");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstItem(Map<String, Object> map, String key) {
    return ((List<Map<String, Object>>) map.get(key)).get(0);
  }

  @Test
  void fromMap_toMapOutput_roundTrips() {
    assertThat(BuildResult.fromMap(Samples.build().toMap())).isEqualTo(Samples.build());
    assertThat(ExportResult.fromMap(Samples.export().toMap())).isEqualTo(Samples.export());
    assertThat(PublishResult.fromMap(PUBLISH.toMap())).isEqualTo(PUBLISH);
    assertThat(ChannelAddResult.fromMap(CHANNEL_ADD.toMap())).isEqualTo(CHANNEL_ADD);
  }

  @Test
  void fromMap_afterJsonRoundTrip_isUnchanged() throws Exception {
    // The maps hold only plain values, so they survive JSON (a state file, a Jenkins log) as is.
    String json = JSON.writeValueAsString(Samples.build().toMap());

    assertThat(BuildResult.fromMap(JSON.readValue(json, Map.class))).isEqualTo(Samples.build());
    String exportJson = JSON.writeValueAsString(Samples.export().toMap());
    assertThat(ExportResult.fromMap(JSON.readValue(exportJson, Map.class)))
        .isEqualTo(Samples.export());
  }

  @Test
  void fromMap_emptyResults_areAccepted() {
    ExportResult nothing = new ExportResult(Samples.DIR, null, List.of());

    assertThat(nothing.toMap()).containsOnlyKeys("dir", "images");
    assertThat(ExportResult.fromMap(nothing.toMap())).isEqualTo(nothing);
    assertThat(PublishResult.fromMap(Map.of("images", List.of())))
        .isEqualTo(new PublishResult(List.of()));
  }

  @Test
  void fromMap_missingAndUnknownKeys_areNamed() {
    Map<String, Object> build = Samples.copy(Samples.build().toMap());
    build.remove("gitCommit");
    build.put("commit", "b17eb8e");

    assertThatThrownBy(() -> BuildResult.fromMap(build))
        .isInstanceOf(ResultMapException.class)
        .hasMessage(
            "malformed build map: \n"
                + "  - unknown key 'commit'; expected only buildId, branch, timestamp, gitCommit,"
                + " images\n"
                + "  - missing key 'gitCommit'; expected a commit hash");
  }

  @Test
  void fromMap_badImageEntries_nameTheirIndexAndKey() {
    Map<String, Object> build = Samples.copy(Samples.build().toMap());
    List<Object> images = new ArrayList<>();
    Map<String, Object> first = Samples.copy(firstItem(Samples.build().toMap(), "images"));
    first.put("uuid", "not-a-uuid");
    first.put("skipped", "no");
    first.put("pkgs", List.of("curl", 3));
    images.add(first);
    images.add("triton-origin-x86_64-24.4.1");
    build.put("images", images);

    ResultMapException e =
        catchThrowableOfType(ResultMapException.class, () -> BuildResult.fromMap(build));

    assertThat(e.kind()).isEqualTo("build");
    assertThat(e.problems())
        .containsExactly(
            "'images[0].skipped': expected true or false, got the string 'no'",
            "'images[0].uuid': expected a UUID, got the string 'not-a-uuid'",
            "'images[0].pkgs[1]': expected a string, got the number 3",
            "'images[1]': expected a map, got the string 'triton-origin-x86_64-24.4.1'");
  }

  @Test
  void fromMap_builtImageWithoutUuid_isRefused() {
    Map<String, Object> build = Samples.copy(Samples.build().toMap());
    Map<String, Object> first = Samples.copy(firstItem(build, "images"));
    first.remove("uuid");
    build.put("images", List.of(first));

    assertThatThrownBy(() -> BuildResult.fromMap(build))
        .hasMessage("malformed build map: missing key 'images[0].uuid'; expected a UUID");
  }

  @Test
  void fromMap_skippedImageWithoutUuid_isRefused() {
    Map<String, Object> build = Samples.copy(Samples.build().toMap());
    @SuppressWarnings("unchecked")
    Map<String, Object> skipped =
        Samples.copy(((List<Map<String, Object>>) build.get("images")).get(1));
    skipped.remove("uuid");
    build.put("images", List.of(skipped));

    assertThatThrownBy(() -> BuildResult.fromMap(build))
        .hasMessage("malformed build map: missing key 'images[0].uuid'; expected a UUID");
  }

  @Test
  void skippedImage_withoutUuid_isRefusedNamingTheImage() {
    assertThatThrownBy(
            () ->
                new BuildResult.Image(
                    "triton-origin-x86_64-23.4.0",
                    "1.0",
                    null,
                    Samples.UUID_A,
                    Samples.SPEC,
                    true,
                    List.of(),
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a skipped image needs the uuid of the published image it stands for:"
                + " triton-origin-x86_64-23.4.0");
  }

  @Test
  void fromMap_unknownResultValues_areRefused() {
    Map<String, Object> publish = Samples.copy(firstItem(PUBLISH.toMap(), "images"));
    publish.put("result", "done");
    Map<String, Object> change = Samples.copy(firstItem(CHANNEL_ADD.toMap(), "changes"));
    change.put("result", "removed");
    change.put("channel", "no such/channel");

    assertThatThrownBy(() -> PublishResult.fromMap(Map.of("images", List.of(publish))))
        .hasMessage(
            "malformed publish map: 'images[0].result': expected published or already-published,"
                + " got the string 'done'");
    assertThat(
            catchThrowableOfType(
                    ResultMapException.class,
                    () -> ChannelAddResult.fromMap(Map.of("changes", List.of(change))))
                .problems())
        .containsExactly(
            "'changes[0].channel': expected a channel name, got the string 'no such/channel'",
            "'changes[0].result': expected added, already-present or would-add, got the string"
                + " 'removed'");
  }

  @Test
  void fromMap_wrongShapes_areRefused() {
    assertThatThrownBy(() -> ExportResult.fromMap(null))
        .hasMessage("malformed export map: the map is missing");
    Map<String, Object> export = Samples.copy(Samples.export().toMap());
    Map<String, Object> image = Samples.copy(firstItem(export, "images"));
    image.put("md5", "CY9rzUYh03PK3k6DJie09g==");
    export.put("images", List.of(image));
    assertThatThrownBy(() -> ExportResult.fromMap(export))
        .hasMessage(
            "malformed export map: 'images[0].md5': expected an MD5 as 32 hex digits, got the"
                + " string 'CY9rzUYh03PK3k6DJie09g=='");
    assertThatThrownBy(() -> ChannelAddResult.fromMap(Map.of("changes", "all")))
        .hasMessage(
            "malformed channel-add map: 'changes': expected a list of maps, got the string 'all'");
  }

  @Test
  void toMap_values_arePlainJavaValues() {
    for (Map<String, Object> map :
        List.of(
            Samples.build().toMap(),
            Samples.export().toMap(),
            PUBLISH.toMap(),
            CHANNEL_ADD.toMap())) {
      assertPlain(map);
    }
  }

  private static void assertPlain(Object value) {
    if (value instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            assertThat(k).isInstanceOf(String.class);
            assertPlain(v);
          });
    } else if (value instanceof List<?> l) {
      l.forEach(ResultMapsTest::assertPlain);
    } else {
      assertThat(value).isInstanceOfAny(String.class, Boolean.class, Number.class);
    }
  }
}
