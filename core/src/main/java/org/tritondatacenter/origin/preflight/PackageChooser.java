package org.tritondatacenter.origin.preflight;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.cloudapi.Package;
import org.tritondatacenter.origin.images.ImageSpec;

/**
 * Chooses the temporary machine's package: the explicit {@code package} of images.json, or the
 * smallest package whose memory lies in {@code [protoMinMemoryMb, 2 * protoMinMemoryMb]}.
 *
 * <p>The original took the first such package in CloudAPI's order, which can change between
 * datacenters and releases; ordering by memory, then name, then UUID makes the choice the same
 * every time.
 */
final class PackageChooser {
  private static final int LISTED = 12;

  private static final Comparator<Package> SMALLEST =
      Comparator.comparing((Package p) -> p.memory())
          .thenComparing(p -> p.name() == null ? "" : p.name())
          .thenComparing(p -> p.id() == null ? "" : p.id());

  private PackageChooser() {}

  /**
   * Returns the package for {@code spec} from the account's {@code packages}, or empty after adding
   * a problem naming the image, what was wanted and what exists.
   */
  static Optional<Package> choose(ImageSpec spec, List<Package> packages, List<String> problems) {
    if (spec.packageName() != null) {
      String wanted = spec.packageName();
      Optional<Package> named =
          packages.stream()
              .filter(p -> wanted.equals(p.name()) || wanted.equalsIgnoreCase(p.id()))
              .findFirst();
      if (named.isEmpty()) {
        problems.add(
            "package "
                + quote(wanted)
                + " of image "
                + spec.imageName()
                + " does not exist or the account may not use it; available: "
                + describe(packages)
                + ". Fix \"package\" in images.json, or remove it to choose by protoMinMemoryMb");
      }
      return named;
    }
    long min = spec.protoMinMemoryMb();
    long max = 2 * min;
    Optional<Package> fitting =
        packages.stream()
            .filter(p -> p.memory() != null && p.memory() >= min && p.memory() <= max)
            .min(SMALLEST);
    if (fitting.isEmpty()) {
      problems.add(
          "no package has between "
              + min
              + " and "
              + max
              + " MiB of memory for image "
              + spec.imageName()
              + " (protoMinMemoryMb "
              + min
              + "); available: "
              + describe(packages)
              + ". Change protoMinMemoryMb, or name a package with \"package\" in images.json");
    }
    return fitting;
  }

  private static String describe(List<Package> packages) {
    if (packages.isEmpty()) {
      return "none";
    }
    String listed =
        packages.stream()
            .sorted(Comparator.comparing((Package p) -> p.memory() == null ? 0 : p.memory()))
            .limit(LISTED)
            .map(p -> p.name() + " (" + (p.memory() == null ? "?" : p.memory()) + " MiB)")
            .collect(Collectors.joining(", "));
    return packages.size() > LISTED
        ? listed + " and " + (packages.size() - LISTED) + " more"
        : listed;
  }

  static String quote(String value) {
    return "'" + value + "'";
  }
}
