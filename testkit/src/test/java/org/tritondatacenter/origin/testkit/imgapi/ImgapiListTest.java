package org.tritondatacenter.origin.testkit.imgapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tritondatacenter.origin.testkit.imgapi.ImgapiHarness.Response;

class ImgapiListTest {
  private static final byte[] BYTES = "file".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dataDir;
  private ImgapiHarness h;

  @BeforeEach
  void start() {
    h = ImgapiHarness.start(dataDir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void list_default_showsActiveImagesOfTheDefaultChannelByPublishedAt() {
    String later = publish("triton-origin-b", "2", null, Duration.ofHours(2));
    String earlier = publish("triton-origin-a", "1", null, Duration.ofHours(1));
    publish("elsewhere", "1", "staging", Duration.ZERO);
    String unactivated = UUID.randomUUID().toString();
    h.importImage(h.manifest(unactivated), null);

    List<Map<String, Object>> images = h.call("GET", "/images").send().list();

    assertThat(images).extracting(i -> i.get("uuid")).containsExactly(earlier, later);
  }

  @Test
  void list_states_anonymousCallersSeeOnlyActiveImages() {
    String active = publish("a", "1", null, Duration.ZERO);
    String unactivated = UUID.randomUUID().toString();
    h.importImage(h.manifest(unactivated), null);

    assertThat(uuids(h.call("GET", "/images?state=all").anonymous().send()))
        .containsExactly(active);
    assertThat(uuids(h.call("GET", "/images?state=unactivated").anonymous().send())).isEmpty();
    assertThat(uuids(h.call("GET", "/images?state=unactivated").send()))
        .containsExactly(unactivated);
    // An unpublished image counts as the epoch, so it sorts first.
    assertThat(uuids(h.call("GET", "/images?state=all").send()))
        .containsExactly(unactivated, active);
  }

  @Test
  void list_disabledState_listsDisabledImagesOnly() {
    String disabled = publish("a", "1", null, Duration.ZERO);
    publish("b", "1", null, Duration.ZERO);
    h.call("POST", "/images/" + disabled + "?action=disable").send();

    assertThat(uuids(h.call("GET", "/images?state=disabled").send())).containsExactly(disabled);
    assertThat(uuids(h.call("GET", "/images?state=disabled").anonymous().send())).isEmpty();
  }

  @Test
  void list_nameWithTilde_isACaseSensitiveSubstringMatch() {
    String first = publish("triton-origin-base-64", "1", null, Duration.ZERO);
    String second = publish("my-triton-origin-x", "1", null, Duration.ZERO);
    publish("Triton-Origin-upper", "1", null, Duration.ZERO);

    assertThat(uuids(h.call("GET", "/images?name=~triton-origin-").send()))
        .containsExactly(first, second);
    assertThat(uuids(h.call("GET", "/images?name=triton-origin-base-64").send()))
        .containsExactly(first);
  }

  @Test
  void list_versionOsTypeOwnerPublicAndTagFilters_areAnded() {
    String match = publish("n", "20240301", null, Duration.ZERO);
    publish("n", "20240302", null, Duration.ZERO);

    assertThat(uuids(h.call("GET", "/images?version=20240301").send())).containsExactly(match);
    assertThat(uuids(h.call("GET", "/images?version=~0301").send())).containsExactly(match);
    assertThat(uuids(h.call("GET", "/images?version=~0301&os=linux").send())).isEmpty();
    assertThat(uuids(h.call("GET", "/images?type=!zone-dataset").send())).isEmpty();
    assertThat(uuids(h.call("GET", "/images?type=zone-dataset&version=20240301").send()))
        .containsExactly(match);
    assertThat(uuids(h.call("GET", "/images?owner=00000000-0000-0000-0000-000000000000").send()))
        .hasSize(2);
    assertThat(uuids(h.call("GET", "/images?public=true").send())).isEmpty();
    assertThat(uuids(h.call("GET", "/images?tag.role=base&version=20240301").send()))
        .containsExactly(match);
    assertThat(uuids(h.call("GET", "/images?tag.role=other").send())).isEmpty();
  }

  @Test
  void list_channelParameter_selectsOneChannelOrAll() {
    String dev = publish("a", "1", null, Duration.ZERO);
    String staging = publish("b", "1", "staging", Duration.ofMinutes(1));

    assertThat(uuids(h.call("GET", "/images?channel=staging").send())).containsExactly(staging);
    assertThat(uuids(h.call("GET", "/images?channel=*").send())).containsExactly(dev, staging);
    assertThat(h.call("GET", "/images?channel=nightly").send().code())
        .isEqualTo("ValidationFailed");
  }

  @Test
  void list_markerAndLimit_pageInclusively() {
    String a = publish("a", "1", null, Duration.ofMinutes(1));
    String b = publish("b", "1", null, Duration.ofMinutes(2));
    String c = publish("c", "1", null, Duration.ofMinutes(3));

    List<String> firstPage = uuids(h.call("GET", "/images?limit=2").send());
    List<String> secondPage = uuids(h.call("GET", "/images?limit=2&marker=" + b).send());

    assertThat(firstPage).containsExactly(a, b);
    // The marker image itself comes again: clients drop the repeated first element.
    assertThat(secondPage).containsExactly(b, c);
  }

  @Test
  void list_dateMarker_keepsImagesPublishedAtOrAfterIt() {
    publish("a", "1", null, Duration.ofMinutes(1));
    String b = publish("b", "1", null, Duration.ofMinutes(2));

    List<String> found = uuids(h.call("GET", "/images?marker=2024-03-01T10:02:00Z").send());

    assertThat(found).containsExactly(b);
  }

  @Test
  void list_sortDescending_reversesTheOrder() {
    String a = publish("a", "1", null, Duration.ofMinutes(1));
    String b = publish("b", "1", null, Duration.ofMinutes(1));

    assertThat(uuids(h.call("GET", "/images?sort=published_at.desc").send())).containsExactly(b, a);
  }

  @Test
  void list_badLimitMarkerStateOrSort_answers422InvalidParameter() {
    for (String query :
        List.of(
            "limit=many",
            "limit=-1",
            "marker=yesterday",
            "marker=" + UUID.randomUUID(),
            "state=gone",
            "sort=name",
            "public=maybe")) {
      Response r = h.call("GET", "/images?" + query).send();
      assertThat(r.status()).as(query).isEqualTo(422);
      assertThat(r.code()).as(query).isEqualTo("InvalidParameter");
    }
  }

  @Test
  void list_failingSignature_answers401EvenThoughAnonymousIsAllowed() {
    assertThat(h.call("GET", "/images").auth("Test bad").send().status()).isEqualTo(401);
    assertThat(h.call("GET", "/images").anonymous().send().status()).isEqualTo(200);
  }

  @Test
  void list_withoutAcceptVersion_omitsChannels() {
    publish("a", "1", null, Duration.ZERO);

    List<Map<String, Object>> images = h.call("GET", "/images").version(null).send().list();

    assertThat(images).singleElement().satisfies(i -> assertThat(i).doesNotContainKey("channels"));
  }

  /** Publishes an image, activated {@code after} the start of the test clock. */
  private String publish(String name, String version, String channel, Duration after) {
    String uuid = UUID.randomUUID().toString();
    Map<String, Object> manifest = h.manifest(uuid);
    manifest.put("name", name);
    manifest.put("version", version);
    h.clock.advance(after);
    h.publish(manifest, channel, BYTES);
    h.clock.advance(after.negated());
    return uuid;
  }

  private static List<String> uuids(Response r) {
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.list().stream().map(i -> (String) i.get("uuid")).toList();
  }
}
