package org.tritondatacenter.origin.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tritondatacenter.origin.cloudapi.Package;
import org.tritondatacenter.origin.images.ImageSpec;

class PackageChooserTest {
  private final List<String> problems = new ArrayList<>();

  private static Package pkg(String id, String name, long memory) {
    return new Package(
        id, name, memory, memory * 50, null, null, null, null, null, null, null, null);
  }

  private static ImageSpec spec(int minMemory, String packageName) {
    return new ImageSpec(
        "triton-origin-x86_64",
        "d",
        new ImageSpec.Origin("41bd4100-eb86-409a-85b0-e649aadf6f62", "minimal-64-lts", "24.4.1"),
        List.of("curl"),
        minMemory,
        packageName,
        List.of(),
        false,
        false,
        List.of(),
        Map.of(),
        Map.of(),
        null);
  }

  @Test
  void choose_severalFit_takesTheSmallestWhateverTheOrder() {
    List<Package> packages =
        List.of(
            pkg("00000000-0000-0000-0000-000000000004", "g4-4G", 4096),
            pkg("00000000-0000-0000-0000-000000000002", "g4-2G", 2048),
            pkg("00000000-0000-0000-0000-000000000003", "g4-1536M", 1536),
            pkg("00000000-0000-0000-0000-000000000001", "g4-512M", 512));

    Optional<Package> chosen = PackageChooser.choose(spec(1024, null), packages, problems);

    assertThat(chosen).map(Package::name).contains("g4-1536M");
    assertThat(problems).isEmpty();
  }

  @Test
  void choose_sameMemory_breaksTheTieByName() {
    List<Package> packages =
        List.of(
            pkg("00000000-0000-0000-0000-000000000002", "b-1G", 1024),
            pkg("00000000-0000-0000-0000-000000000001", "a-1G", 1024));

    assertThat(PackageChooser.choose(spec(1024, null), packages, problems))
        .map(Package::name)
        .contains("a-1G");
    assertThat(
            PackageChooser.choose(
                spec(1024, null), List.of(packages.get(1), packages.get(0)), problems))
        .map(Package::name)
        .contains("a-1G");
  }

  @Test
  void choose_boundsAreInclusive() {
    List<Package> twice = List.of(pkg("00000000-0000-0000-0000-000000000001", "g4-2G", 2048));

    assertThat(PackageChooser.choose(spec(1024, null), twice, problems)).isPresent();
    assertThat(PackageChooser.choose(spec(1025, null), twice, problems)).isPresent();
    assertThat(PackageChooser.choose(spec(1023, null), twice, problems)).isEmpty();
  }

  @Test
  void choose_noneFits_namesTheRangeTheImageAndWhatExists() {
    List<Package> packages =
        List.of(
            pkg("00000000-0000-0000-0000-000000000001", "g4-512M", 512),
            pkg("00000000-0000-0000-0000-000000000004", "g4-8G", 8192));

    assertThat(PackageChooser.choose(spec(1024, null), packages, problems)).isEmpty();
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("between 1024 and 2048 MiB")
        .contains("triton-origin-x86_64-24.4.1")
        .contains("g4-512M (512 MiB), g4-8G (8192 MiB)")
        .contains("protoMinMemoryMb");
  }

  @Test
  void choose_explicitPackage_isTakenByNameOrUuidWhateverItsMemory() {
    List<Package> packages =
        List.of(
            pkg("00000000-0000-0000-0000-000000000001", "g4-512M", 512),
            pkg("00000000-0000-0000-0000-00000000000a", "g4-8G", 8192));

    assertThat(PackageChooser.choose(spec(1024, "g4-8G"), packages, problems))
        .map(Package::name)
        .contains("g4-8G");
    assertThat(
            PackageChooser.choose(
                spec(1024, "00000000-0000-0000-0000-00000000000A"), packages, problems))
        .map(Package::name)
        .contains("g4-8G");
    assertThat(problems).isEmpty();
  }

  @Test
  void choose_explicitPackageMissing_namesItAndWhatExists() {
    List<Package> packages = List.of(pkg("00000000-0000-0000-0000-000000000001", "g4-1G", 1024));

    assertThat(PackageChooser.choose(spec(1024, "g4-highcpu-1G"), packages, problems)).isEmpty();
    assertThat(problems)
        .singleElement()
        .asString()
        .contains("package 'g4-highcpu-1G' of image triton-origin-x86_64-24.4.1 does not exist")
        .contains("available: g4-1G (1024 MiB)");
  }
}
