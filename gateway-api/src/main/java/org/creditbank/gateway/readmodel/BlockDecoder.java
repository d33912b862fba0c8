package org.creditbank.gateway.readmodel;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What a committed block changed in one chaincode's public world state. Only transactions the
 * peers marked VALID (the block's transaction filter) changed anything: an invalidated one (an
 * MVCC conflict, a failed endorsement policy) is in the block but wrote nothing, so it must not
 * reach the read model. Config blocks and other chaincodes' namespaces are skipped; private data
 * is not in a block (only its hashes) and is never projected.
 */
final class BlockDecoder {

    private final String namespace;

    /** {@code namespace}: the chaincode's name, the namespace of its writes. */
    BlockDecoder(String namespace) {
        this.namespace = namespace;
    }

    BlockWrites decode(Block block) {
        long number = block.getHeader().getNumber();
        ByteString filter = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) : ByteString.EMPTY;
        List<TxWrites> transactions = new ArrayList<>();
        int count = block.getData().getDataCount();
        for (int index = 0; index < count; index++) {
            // A transaction without a flag was not validated: count it as not valid.
            if (index >= filter.size() || filter.byteAt(index) != TxValidationCode.VALID_VALUE) {
                continue;
            }
            try {
                TxWrites tx = transaction(index, block.getData().getData(index));
                if (tx != null) {
                    transactions.add(tx);
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("block " + number + " transaction " + index + " cannot be decoded", e);
            }
        }
        return new BlockWrites(number, count - 1, transactions);
    }

    private TxWrites transaction(int index, ByteString data) throws InvalidProtocolBufferException {
        Payload payload = Payload.parseFrom(Envelope.parseFrom(data).getPayload());
        ChannelHeader header = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        if (header.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            return null;
        }
        List<StateWrite> writes = new ArrayList<>();
        for (TransactionAction action : Transaction.parseFrom(payload.getData()).getActionsList()) {
            ByteString response = ChaincodeActionPayload.parseFrom(action.getPayload()).getAction().getProposalResponsePayload();
            ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(ProposalResponsePayload.parseFrom(response).getExtension());
            for (NsReadWriteSet ns : TxReadWriteSet.parseFrom(chaincodeAction.getResults()).getNsRwsetList()) {
                if (!ns.getNamespace().equals(namespace)) {
                    continue;
                }
                for (KVWrite write : KVRWSet.parseFrom(ns.getRwset()).getWritesList()) {
                    writes.add(new StateWrite(write.getKey(), write.getIsDelete() ? null : write.getValue()));
                }
            }
        }
        if (writes.isEmpty()) {
            return null;
        }
        Instant at = Instant.ofEpochSecond(header.getTimestamp().getSeconds(), header.getTimestamp().getNanos());
        return new TxWrites(index, header.getTxId(), at, writes);
    }

    /**
     * The valid transactions of block {@code number} that wrote in the namespace, in block order;
     * {@code lastTxIndex} is the block's last transaction (-1 for an empty block), where the
     * checkpoint stands once the block is applied.
     */
    record BlockWrites(long number, int lastTxIndex, List<TxWrites> transactions) {
        BlockWrites {
            transactions = List.copyOf(transactions);
        }
    }

    /** One valid transaction's writes, in the order the chaincode made them. */
    record TxWrites(int index, String txId, Instant timestamp, List<StateWrite> writes) {
        TxWrites {
            writes = List.copyOf(writes);
        }
    }

    /** A key's new value, or its deletion ({@code value} null). */
    record StateWrite(String key, ByteString value) {
        boolean deleted() {
            return value == null;
        }
    }
}
