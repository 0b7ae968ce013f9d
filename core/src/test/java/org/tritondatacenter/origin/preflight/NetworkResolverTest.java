package org.tritondatacenter.origin.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.cloudapi.Network;
import org.tritondatacenter.origin.images.ImageSpec;

class NetworkResolverTest {
  private static final String EXTERNAL = "11111111-1111-1111-1111-111111111111";
  private static final String INTERNAL = "22222222-2222-2222-2222-222222222222";
  private static final String OTHER_INTERNAL = "33333333-3333-3333-3333-333333333333";

  private final List<String> problems = new ArrayList<>();

  private static Network net(String id, String name) {
    return new Network(id, name, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static ImageSpec spec(List<String> networks) {
    return new ImageSpec(
        "p",
        "d",
        new ImageSpec.Origin("41bd4100-eb86-409a-85b0-e649aadf6f62", "minimal-64-lts", "24.4.1"),
        List.of("curl"),
        1024,
        null,
        networks,
        false,
        false,
        List.of(),
        Map.of(),
        Map.of(),
        null);
  }

  @Test
  void resolve_namesAndUuids_inTheOrderWritten() {
    List<Network> available = List.of(net(EXTERNAL, "external"), net(INTERNAL, "internal"));

    List<Network> resolved =
        NetworkResolver.resolve(
            spec(List.of(INTERNAL.toUpperCase(), "external")), available, problems);

    assertThat(resolved).extracting(Network::id).containsExactly(INTERNAL, EXTERNAL);
    assertThat(problems).isEmpty();
  }

  @Test
  void resolve_unknownNetwork_isAProblemListingTheAvailableOnes() {
    List<Network> available = List.of(net(EXTERNAL, "external"));

    assertThat(NetworkResolver.resolve(spec(List.of("admin")), available, problems)).isNull();
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("network 'admin' of image p-24.4.1 does not exist")
        .contains("available: external (" + EXTERNAL + ")");
  }

  @Test
  void resolve_ambiguousName_asksForTheUuid() {
    List<Network> available = List.of(net(INTERNAL, "internal"), net(OTHER_INTERNAL, "internal"));

    assertThat(NetworkResolver.resolve(spec(List.of("internal")), available, problems)).isNull();
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("matches 2 networks")
        .contains(INTERNAL)
        .contains(OTHER_INTERNAL)
        .contains("give the UUID");
  }
}
