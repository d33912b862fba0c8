package org.creditbank.network;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.creditbank.gateway.ledger.FabricSigners;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.X509Identity;

/**
 * The network scripts/network started, seen from a test: real enrolled identities (from the
 * org's Fabric CA, with their creditbank.role attributes) connected through the Fabric Gateway
 * SDK to their own organisation's peer, bypassing the CreditBank gateway entirely.
 */
final class LiveNetwork implements AutoCloseable {

    /** A member organisation: folder name under organizations/, MSP id and its peer's port. */
    enum Org {
        COLLEGE("college", "CollegeMSP", 7051),
        UNIVERSITY("university", "UniversityMSP", 8051),
        HARDWARE("hardware", "HardwareCoMSP", 9051);

        final String dir;
        final String mspId;
        final int peerPort;

        Org(String dir, String mspId, int peerPort) {
            this.dir = dir;
            this.mspId = mspId;
            this.peerPort = peerPort;
        }
    }

    static final Path DIR = Path.of(System.getProperty("creditbank.network.dir", ".creditbank/network"));
    /** The checkout, whose scripts started the network. */
    static final Path ROOT = Path.of(System.getProperty("creditbank.root", "."));

    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<Gateway> gateways = new ArrayList<>();

    /** The creditbank contract as user {@code user} (admin, registrar1, verifier1, gateway, norole) of {@code org}. */
    Contract as(Org org, String user) {
        return asNetwork(org, user).getContract("creditbank");
    }

    /** The creditbank channel as user {@code user} of {@code org}, e.g. for chaincode events. */
    Network asNetwork(Org org, String user) {
        Path msp = DIR.resolve("organizations").resolve(org.dir).resolve("users").resolve(user).resolve("msp");
        Gateway gateway = Gateway.newInstance()
                .identity(new X509Identity(org.mspId, certificate(msp.resolve("signcerts/cert.pem"))))
                .signer(signer(msp.resolve("keystore")))
                .hash(Hash.SHA256)
                .connection(channelTo(org))
                .connect();
        gateways.add(gateway);
        return gateway.getNetwork("creditbank");
    }

    /** A wallet entry in the layout the CreditBank gateway reads: {@code <dir>/cert.pem, key.pem}. */
    static void exportIdentity(Org org, String user, Path walletEntry) throws IOException {
        Path msp = DIR.resolve("organizations").resolve(org.dir).resolve("users").resolve(user).resolve("msp");
        Files.createDirectories(walletEntry);
        Files.copy(msp.resolve("signcerts/cert.pem"), walletEntry.resolve("cert.pem"));
        try (Stream<Path> keys = Files.list(msp.resolve("keystore"))) {
            Files.copy(keys.findFirst().orElseThrow(), walletEntry.resolve("key.pem"));
        }
    }

    static Path tlsRoot(Org org) {
        return DIR.resolve("organizations").resolve(org.dir).resolve("peers/peer0/tls/ca.crt");
    }

    private ManagedChannel channelTo(Org org) {
        try {
            ManagedChannel channel = NettyChannelBuilder.forTarget("127.0.0.1:" + org.peerPort)
                    .sslContext(GrpcSslContexts.forClient().trustManager(tlsRoot(org).toFile()).build())
                    .build();
            channels.add(channel);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.security.cert.X509Certificate certificate(Path pem) {
        try (Reader reader = Files.newBufferedReader(pem)) {
            return Identities.readX509Certificate(reader);
        } catch (IOException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot read " + pem + "; is the network up (scripts/network up)?", e);
        }
    }

    private static org.hyperledger.fabric.client.identity.Signer signer(Path keystore) {
        try (Stream<Path> files = Files.list(keystore)) {
            Path key = files.findFirst().orElseThrow();
            try (Reader reader = Files.newBufferedReader(key)) {
                return FabricSigners.of(Identities.readPrivateKey(reader));
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read a key in " + keystore, e);
        }
    }

    @Override
    public void close() {
        gateways.forEach(Gateway::close);
        channels.forEach(ManagedChannel::shutdownNow);
    }
}
