package org.tritondatacenter.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job: the demo runs everything against an in-process local Triton. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demo_withTheRepositoryImages_buildsPublishesAndReleasesEveryImage() throws Exception {
    Cli cli = new Cli(dir);
    Files.copy(FlowFixture.IMAGES_JSON, cli.work.resolve("images.json"));

    Cli.Result r = cli.run("demo", "--time-scale", "400");

    assertThat(r.status()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains(
            "Demo summary",
            "built:     3 images, version demo-",
            "exported:  /alice/public/builds/triton-origin-image/demo-",
            "published: 3 images in channel dev",
            "released:  to staging, release, support",
            "leftovers: none");
    assertThat(r.out().lines().filter(l -> l.contains("triton-origin-x86_64-")))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(r.err()).contains("== 1/6", "== 6/6", "waiting for machine");
  }

  @Test
  void demo_withBadImagesJson_exitsTwoBeforeStartingAnything() throws Exception {
    Cli cli = new Cli(dir);
    Files.writeString(cli.work.resolve("images.json"), "[{\"namePrefix\": 1}]");

    Cli.Result r = cli.run("demo");

    assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("images.json", "namePrefix").doesNotContain("\tat ");
  }
}
