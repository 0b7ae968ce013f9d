package org.tritondatacenter.origin.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tritondatacenter.origin.cloudapi.Network;
import org.tritondatacenter.origin.images.ImageSpec;

/**
 * Resolves the {@code networks} of images.json, names or UUIDs, to the networks ListNetworks shows.
 * An image without networks gets the account's default networks, so it needs no lookup.
 */
final class NetworkResolver {
  private NetworkResolver() {}

  /**
   * Returns the networks of {@code spec} in the order written, or null after adding a problem for
   * each one that is unknown or ambiguous.
   */
  static List<Network> resolve(ImageSpec spec, List<Network> available, List<String> problems) {
    List<Network> resolved = new ArrayList<>();
    boolean ok = true;
    for (String wanted : spec.networks()) {
      List<Network> byId =
          available.stream()
              .filter(n -> n.id() != null && n.id().equalsIgnoreCase(wanted))
              .toList();
      List<Network> matches =
          byId.isEmpty() ? available.stream().filter(n -> wanted.equals(n.name())).toList() : byId;
      if (matches.size() == 1) {
        resolved.add(matches.get(0));
        continue;
      }
      ok = false;
      if (matches.isEmpty()) {
        problems.add(
            "network "
                + PackageChooser.quote(wanted)
                + " of image "
                + spec.imageName()
                + " does not exist or the account may not use it; available: "
                + describe(available)
                + ". Fix \"networks\" in images.json, or remove it for the account's defaults");
      } else {
        problems.add(
            "network name "
                + PackageChooser.quote(wanted)
                + " of image "
                + spec.imageName()
                + " matches "
                + matches.size()
                + " networks ("
                + matches.stream().map(Network::id).collect(Collectors.joining(", "))
                + "); give the UUID of the one to use in \"networks\"");
      }
    }
    return ok ? resolved : null;
  }

  private static String describe(List<Network> available) {
    if (available.isEmpty()) {
      return "none";
    }
    return available.stream()
        .map(n -> n.name() + " (" + n.id().toLowerCase(Locale.ROOT) + ")")
        .collect(Collectors.joining(", "));
  }
}
