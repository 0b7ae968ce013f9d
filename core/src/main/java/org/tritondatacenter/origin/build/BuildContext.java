package org.tritondatacenter.origin.build;

import java.time.Duration;
import org.tritondatacenter.origin.cloudapi.CloudApiClient;
import org.tritondatacenter.origin.events.EventListener;
import org.tritondatacenter.origin.images.BuildStamp;
import org.tritondatacenter.origin.wait.Clock;
import org.tritondatacenter.origin.wait.Waiter;

/**
 * What every image build of one run shares: the client, time, the build's identity and settings,
 * and the record.
 *
 * @param cloudApi the datacenter
 * @param clock the clock deadlines are measured on
 * @param waiter polls the guest's status, on the same clock
 * @param listener hears the events
 * @param buildId the build id every machine and image is tagged with
 * @param stamp the branch, time and commit
 * @param version the version every image gets
 * @param keepOnFailure keep a failed image's machine
 * @param timeout each image's deadline
 * @param cleanupTimeout how long each image's cleanup may take, apart from its deadline
 * @param progress the record
 */
record BuildContext(
    CloudApiClient cloudApi,
    Clock clock,
    Waiter waiter,
    EventListener listener,
    String buildId,
    BuildStamp stamp,
    String version,
    boolean keepOnFailure,
    Duration timeout,
    Duration cleanupTimeout,
    BuildProgress progress) {}
