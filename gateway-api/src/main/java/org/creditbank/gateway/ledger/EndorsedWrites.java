package org.creditbank.gateway.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.HashedRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * Whether an endorsed transaction would change anything if it were committed. A retried write
 * whose record is already on the ledger is simulated as a read only; ordering it would cut a
 * block that changes nothing and make the caller wait for it. The endorsement itself was made on
 * committed state, so its answer can be given at once.
 *
 * <p>Anything the transaction would carry to the ledger counts as a change: a public write or
 * delete, a private (hashed) write, a change of a key's endorsement policy, or a chaincode event.
 */
final class EndorsedWrites {

    private EndorsedWrites() {
    }

    /** {@code preparedTransaction}: the SDK's {@code Transaction.getBytes()}. */
    static boolean changeAnything(byte[] preparedTransaction) {
        try {
            Envelope envelope = PreparedTransaction.parseFrom(preparedTransaction).getEnvelope();
            Transaction transaction = Transaction.parseFrom(Payload.parseFrom(envelope.getPayload()).getData());
            for (TransactionAction action : transaction.getActionsList()) {
                ByteString responsePayload = ChaincodeActionPayload.parseFrom(action.getPayload()).getAction()
                        .getProposalResponsePayload();
                ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(
                        ProposalResponsePayload.parseFrom(responsePayload).getExtension());
                if (!chaincodeAction.getEvents().isEmpty() || writes(TxReadWriteSet.parseFrom(chaincodeAction.getResults()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidProtocolBufferException e) {
            // Cannot tell: let the orderer and the peers' validation decide, as for any write.
            return true;
        }
    }

    private static boolean writes(TxReadWriteSet rwset) throws InvalidProtocolBufferException {
        for (NsReadWriteSet namespace : rwset.getNsRwsetList()) {
            KVRWSet kv = KVRWSet.parseFrom(namespace.getRwset());
            if (kv.getWritesCount() > 0 || kv.getMetadataWritesCount() > 0) {
                return true;
            }
            for (var collection : namespace.getCollectionHashedRwsetList()) {
                HashedRWSet hashed = HashedRWSet.parseFrom(collection.getHashedRwset());
                if (hashed.getHashedWritesCount() > 0 || hashed.getMetadataWritesCount() > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
