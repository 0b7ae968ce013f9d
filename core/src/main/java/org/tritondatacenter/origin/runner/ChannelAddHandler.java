package org.tritondatacenter.origin.runner;

import java.util.Map;
import org.tritondatacenter.origin.Service;
import org.tritondatacenter.origin.channel.ChannelAdd;
import org.tritondatacenter.origin.channel.ChannelAddRequest;
import org.tritondatacenter.origin.imgapi.ImgapiClient;
import org.tritondatacenter.origin.state.RecordKeeper;
import org.tritondatacenter.origin.steps.StepArguments;

/** Runs {@code imgadmChannelAdd}. */
final class ChannelAddHandler implements StepHandler {
  @Override
  public Map<String, Object> run(StepArguments arguments, StepEnvironment environment) {
    ResolvedEndpoint endpoint =
        environment
            .endpoints()
            .resolve(Service.IMGAPI, arguments.optionalString("imgapi").orElse(null));
    ImgapiClient imgapi = Clients.imgapi(endpoint, environment.httpConfig());
    String from = arguments.string("fromChannel");
    boolean dryRun = arguments.bool("dryRun");
    ChannelAddRequest request =
        arguments.isSet("uuids")
            ? ChannelAddRequest.byUuids(
                from, arguments.list("uuids"), arguments.list("channels"), dryRun)
            : ChannelAddRequest.byName(
                from,
                arguments.string("name"),
                arguments.string("version"),
                arguments.bool("latest"),
                arguments.list("channels"),
                dryRun);
    RecordKeeper record = new RecordKeeper(environment.store(), environment.storeName());
    return new ChannelAdd(imgapi, environment.httpConfig().clock(), environment.listener())
        .run(request, record)
        .toMap();
  }
}
