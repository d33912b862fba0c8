package org.creditbank.gateway.ledger;

import io.grpc.EquivalentAddressGroup;
import io.grpc.ManagedChannel;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gRPC channel to the institution's own peers. With one peer it is a plain channel; with
 * several ({@code peer.endpoint=host:7051,host:7151}) it is one channel over all of them with
 * gRPC's {@code pick_first} policy: calls go to the first peer that accepts a connection, and
 * when that peer goes down the next call connects to the next one. That is the member's high
 * availability: its peers hold the same ledger and the same organisation's endorsement, so which
 * one answers makes no difference to what is written.
 *
 * <p>TLS checks every peer's certificate against the member's TLS CA and one host name: the first
 * endpoint's host (or {@code peer.tlsHostOverride}), which each peer's certificate carries.
 */
final class PeerChannel {

    private static final String SCHEME = "creditbank-peers";
    private static final Map<String, List<EquivalentAddressGroup>> TARGETS = new ConcurrentHashMap<>();

    static {
        NameResolverRegistry.getDefaultRegistry().register(new StaticPeers());
    }

    private PeerChannel() {
    }

    /** The endpoints of a {@code peer.endpoint} setting: one or more {@code host:port}, comma-separated. */
    static List<String> endpoints(String setting) {
        List<String> endpoints = new ArrayList<>();
        for (String part : setting.split(",")) {
            String endpoint = part.strip();
            int colon = endpoint.lastIndexOf(':');
            if (colon <= 0 || colon == endpoint.length() - 1) {
                throw new IllegalArgumentException("peer endpoint '" + endpoint + "' must be host:port");
            }
            Integer.parseInt(endpoint.substring(colon + 1));
            endpoints.add(endpoint);
        }
        return List.copyOf(endpoints);
    }

    static ManagedChannel open(FabricSettings settings, int maxMessageBytes) throws IOException {
        List<String> endpoints = endpoints(settings.peerEndpoint());
        NettyChannelBuilder builder;
        if (endpoints.size() == 1) {
            builder = NettyChannelBuilder.forTarget(endpoints.get(0));
        } else {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            for (String endpoint : endpoints) {
                int colon = endpoint.lastIndexOf(':');
                SocketAddress address = new InetSocketAddress(endpoint.substring(0, colon),
                        Integer.parseInt(endpoint.substring(colon + 1)));
                groups.add(new EquivalentAddressGroup(address));
            }
            String name = settings.mspId() + "-" + Integer.toHexString(endpoints.hashCode());
            TARGETS.put(name, List.copyOf(groups));
            String first = endpoints.get(0);
            builder = NettyChannelBuilder.forTarget(SCHEME + ":///" + name)
                    .defaultLoadBalancingPolicy("pick_first")
                    .overrideAuthority(first.substring(0, first.lastIndexOf(':')));
        }
        builder.sslContext(GrpcSslContexts.forClient().trustManager(settings.tlsRootCert().toFile()).build())
                .maxInboundMessageSize(maxMessageBytes);
        if (settings.tlsHostOverride() != null) {
            builder.overrideAuthority(settings.tlsHostOverride());
        }
        return builder.build();
    }

    /** Resolves {@code creditbank-peers:///<name>} to the fixed list of a member's peers. */
    private static final class StaticPeers extends NameResolverProvider {

        @Override
        protected boolean isAvailable() {
            return true;
        }

        @Override
        protected int priority() {
            return 5;
        }

        @Override
        public String getDefaultScheme() {
            return SCHEME;
        }

        @Override
        public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
            return List.of(InetSocketAddress.class);
        }

        @Override
        public NameResolver newNameResolver(URI target, NameResolver.Args args) {
            if (!SCHEME.equals(target.getScheme())) {
                return null;
            }
            List<EquivalentAddressGroup> peers = TARGETS.get(target.getPath().substring(1));
            if (peers == null) {
                return null;
            }
            return new NameResolver() {
                @Override
                public String getServiceAuthority() {
                    return target.getPath().substring(1);
                }

                @Override
                public void start(Listener2 listener) {
                    listener.onResult(ResolutionResult.newBuilder().setAddresses(peers).build());
                }

                @Override
                public void shutdown() {
                }
            };
        }
    }
}
