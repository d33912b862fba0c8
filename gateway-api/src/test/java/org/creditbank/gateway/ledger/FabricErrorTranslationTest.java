package org.creditbank.gateway.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.creditbank.gateway.ApiException;
import org.creditbank.gateway.http.Problems;
import org.creditbank.model.ErrorCode;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;

/**
 * Errors shaped as the Fabric peer gateway sends them (a gRPC status with ErrorDetail entries per
 * peer) become the chaincode's own refusal, or a failure named by where it happened (no peer, a
 * deadline, the peers not endorsing, the orderer refusing) that the HTTP layer answers with 502/503/504.
 */
class FabricErrorTranslationTest {

    private static StatusRuntimeException endorsementFailure(String peerMessage) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.ABORTED.value())
                .setMessage("failed to endorse transaction, see attached details for more info")
                .addDetails(Any.pack(ErrorDetail.newBuilder().setAddress("peer0.college:7051").setMspId("CollegeMSP")
                        .setMessage(peerMessage).build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    @Test
    void theChaincodesRefusalInAPeersDetailBecomesARefusedLedgerException() {
        String refusal = "{\"code\":\"CONFLICT\",\"message\":\"outcome CollegeMSP:1 already exists with different content\"}";
        LedgerException e = FabricLedgerClient.translate(
                new EndorseException("tx1", endorsementFailure("chaincode response 500, " + refusal)));
        assertThat(e.kind()).isEqualTo(LedgerException.Kind.REFUSED);
        assertThat(e.refusal().orElseThrow().code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e.getMessage()).contains("already exists");
    }

    @Test
    void anUnreachablePeerIsUnavailableAndADeadlineIsATimeout() {
        LedgerException down = FabricLedgerClient.translate(
                new GatewayException(new StatusRuntimeException(Status.UNAVAILABLE.withDescription("connection refused"))));
        assertThat(down.kind()).isEqualTo(LedgerException.Kind.UNAVAILABLE);
        LedgerException slow = FabricLedgerClient.translate(
                new GatewayException(new StatusRuntimeException(Status.DEADLINE_EXCEEDED)));
        assertThat(slow.kind()).isEqualTo(LedgerException.Kind.TIMEOUT);
    }

    @Test
    void anEndorsementFailureWithoutARefusalIsAFailedEndorsementNotAnInvalidatedTransaction() {
        LedgerException e = FabricLedgerClient.translate(
                new EndorseException("tx2", endorsementFailure("chaincode response 500, NullPointerException")));
        assertThat(e.kind()).isEqualTo(LedgerException.Kind.ENDORSEMENT_FAILED);
        assertThat(e.refusal()).isEmpty();
        assertThat(e.getMessage()).contains("nothing was written", "CollegeMSP", "NullPointerException")
                .doesNotContain("peer0.college:7051");
        ApiException answer = ApiException.fromLedger(e);
        assertThat(answer.code()).isEqualTo(ErrorCode.LEDGER_ENDORSEMENT_FAILED);
        assertThat(Problems.statusOf(answer.code())).isEqualTo(502);
    }

    @Test
    void aFailedEvaluationIsAFailedEndorsementToo() {
        LedgerException e = FabricLedgerClient.translate(new GatewayException(
                endorsementFailure("make sure the chaincode creditbank has been successfully defined on channel")));
        assertThat(e.kind()).isEqualTo(LedgerException.Kind.ENDORSEMENT_FAILED);
    }

    @Test
    void anOrdererThatRefusesTheTransactionIsASubmitFailure() {
        LedgerException e = FabricLedgerClient.translate(new SubmitException("tx3",
                new StatusRuntimeException(Status.ABORTED.withDescription("received unsuccessful response from orderer"))));
        assertThat(e.kind()).isEqualTo(LedgerException.Kind.SUBMIT_FAILED);
        assertThat(e.getMessage()).contains("orderer", "nothing was written");
        assertThat(ApiException.fromLedger(e).code()).isEqualTo(ErrorCode.LEDGER_SUBMIT_FAILED);
    }
}
