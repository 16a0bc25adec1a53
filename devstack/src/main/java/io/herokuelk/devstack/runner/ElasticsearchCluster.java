package io.herokuelk.devstack.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Several Elasticsearch nodes on loopback forming one cluster, each master-eligible and a data node, so that indices
 * get a replica (the templates' {@code auto_expand_replicas: 0-1}) and one node may fail without losing a document.
 * Clients talk to the first node; the others can be killed and restarted on their own data.
 */
public final class ElasticsearchCluster implements LocalService {

    private final List<ElasticsearchProcess> nodes = new ArrayList<>();

    /**
     * @param directory one sub-folder per node ({@code node-1}, ...)
     * @param count     how many nodes, at least 2
     * @param firstPort the first node's HTTP port, or 0 for free ones
     * @param heapMb    each node's heap
     */
    public ElasticsearchCluster(Path directory, int count, int firstPort, int heapMb) {
        if (count < 2) {
            throw new IllegalArgumentException("A cluster has at least 2 nodes, not " + count);
        }
        List<String> names = new ArrayList<>();
        List<Integer> transports = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("node-" + i);
            transports.add(Ports.free());
        }
        for (int i = 0; i < count; i++) {
            nodes.add(new ElasticsearchProcess(
                    directory.resolve(names.get(i)),
                    firstPort == 0 ? 0 : firstPort + i,
                    heapMb,
                    Map.of(),
                    new ElasticsearchProcess.Membership(names.get(i), transports.get(i), names, transports)));
        }
    }

    @Override
    public String name() {
        return "elasticsearch (" + nodes.size() + " nodes)";
    }

    /** Starts every node at once: a cluster forms only once a majority of its master-eligible nodes is up. */
    @Override
    public void start() throws ServiceStartException {
        Members.startTogether(nodes, "An Elasticsearch node", this);
    }

    /** The first node's address: where clients connect. */
    @Override
    public String address() {
        return nodes.getFirst().address();
    }

    /** The node numbered {@code n} (1-based). */
    public ElasticsearchProcess node(int n) {
        return nodes.get(n - 1);
    }

    @Override
    public Path logFile() {
        return nodes.getFirst().logFile();
    }

    @Override
    public boolean isRunning() {
        return nodes.stream().allMatch(ElasticsearchProcess::isRunning);
    }

    @Override
    public void close() {
        nodes.reversed().forEach(ElasticsearchProcess::close);
    }
}
