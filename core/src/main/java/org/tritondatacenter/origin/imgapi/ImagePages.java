package org.tritondatacenter.origin.imgapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tritondatacenter.origin.TritonIoException;
import org.tritondatacenter.origin.http.ApiRequest;

/**
 * Pages through IMGAPI ListImages the way node-sdc-clients does: {@code limit} per page and, from
 * the second page on, the last uuid seen as {@code marker}.
 *
 * <p>IMGAPI's marker is inclusive (images published at or after the marker's), so each page starts
 * with the image that ended the one before; any image already listed is dropped. A full page that
 * adds nothing would loop forever, so it stops the listing with an error instead.
 */
final class ImagePages {
  private ImagePages() {}

  static List<Image> listAll(Calls calls, ImageQuery query, String channel) {
    List<Image> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String marker = null;
    while (true) {
      ApiRequest.Builder request = ApiRequest.get("ListImages").path("images");
      for (Map.Entry<String, String> filter : query.filters()) {
        request.query(filter.getKey(), filter.getValue());
      }
      request.query("channel", channel).query("limit", query.pageSize()).query("marker", marker);
      List<Image> page = calls.images(request.build());
      int added = 0;
      for (Image image : page) {
        if (seen.add(image.uuid())) {
          all.add(image);
          added++;
        }
      }
      if (page.size() < query.pageSize()) {
        return List.copyOf(all);
      }
      if (added == 0) {
        throw new TritonIoException(
            "IMGAPI ListImages paging made no progress at marker "
                + marker
                + ": a page of "
                + page.size()
                + " held only images already listed; use a larger page size");
      }
      marker = page.get(page.size() - 1).uuid();
    }
  }
}
