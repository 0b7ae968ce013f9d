package org.tritondatacenter.origin.cli.config;

import java.util.Objects;

/**
 * Every connection flag of a command, as given; null and {@link ServiceFlags#NONE} mean not given.
 *
 * @param profile the node-triton profile name ({@code --profile})
 * @param identity a key for every service that is not given one of its own ({@code --identity})
 * @param cloudApi the CloudAPI flags ({@code --url}, {@code --account}, {@code --user}, {@code
 *     --key-id}, {@code --insecure})
 * @param manta the Manta flags ({@code --manta-*})
 * @param imgapi the default IMGAPI's flags ({@code --imgapi-*})
 * @param sourceImgapi the source IMGAPI's flags ({@code --source-imgapi-*})
 * @param publicImgapi the public IMGAPI's flags ({@code --public-imgapi-*})
 */
public record ConnectionFlags(
    String profile,
    String identity,
    ServiceFlags cloudApi,
    ServiceFlags manta,
    ServiceFlags imgapi,
    ServiceFlags sourceImgapi,
    ServiceFlags publicImgapi) {

  /** No flag given at all. */
  public static final ConnectionFlags NONE =
      new ConnectionFlags(
          null,
          null,
          ServiceFlags.NONE,
          ServiceFlags.NONE,
          ServiceFlags.NONE,
          ServiceFlags.NONE,
          ServiceFlags.NONE);

  public ConnectionFlags {
    Objects.requireNonNull(cloudApi, "cloudApi == null");
    Objects.requireNonNull(manta, "manta == null");
    Objects.requireNonNull(imgapi, "imgapi == null");
    Objects.requireNonNull(sourceImgapi, "sourceImgapi == null");
    Objects.requireNonNull(publicImgapi, "publicImgapi == null");
  }
}
