package org.medfed.network.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

/** What a node's log says about its connection, in words a hospital's IT can act on rather than Netty's. */
class ConnectionWordsTest {

    @Test
    void aRefusedConnectionSaysNothingListensThere() {
        Throwable refused = Status.UNAVAILABLE.withDescription("io exception").withCause(new java.io.IOException(
                "finishConnect(..) failed with error(-111): Connection refused")).asRuntimeException();
        assertThat(NodeClient.describe(refused)).isEqualTo("nothing listens there (connection refused): the "
                + "coordinator is not running now, or listens on another port");
    }

    @Test
    void theCoordinatorsOwnReasonForClosingIsGivenAsIs() {
        assertThat(NodeClient.describe(Status.CANCELLED.withDescription("the coordinator's run of the study is over")
                .asRuntimeException())).isEqualTo("the coordinator's run of the study is over");
    }

    @Test
    void aConnectionClosedWithoutAReasonSaysWhatThatUsuallyMeans() {
        assertThat(NodeClient.describe(Status.UNAVAILABLE.withDescription("Network closed for unknown reason")
                .asRuntimeException())).startsWith("the network connection closed without a reason");
    }

    @Test
    void aConnectionResetSaysItWasCut() {
        Throwable reset = Status.UNAVAILABLE.withDescription("io exception").withCause(new java.io.IOException(
                "recvAddress(..) failed with error(-104): Connection reset by peer")).asRuntimeException();
        assertThat(NodeClient.describe(reset)).isEqualTo("the connection was cut (the coordinator stopped, or the "
                + "network dropped it)");
    }
}
