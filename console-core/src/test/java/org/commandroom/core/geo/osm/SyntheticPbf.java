package org.commandroom.core.geo.osm;

import com.google.protobuf.ByteString;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large, plain OpenStreetMap extract for tests of scale: an n × n grid of nodes over one degree square
 * (south-west corner given), with a residential street along every row of nodes. Uncompressed blobs, 8,000 nodes a
 * block, sorted as real extracts are (nodes, then ways, by id).
 */
final class SyntheticPbf {

    private SyntheticPbf() {
    }

    static void write(Path file, int n, double south, double west) throws IOException {
        write(file, n, south, west, false);
    }

    /**
     * With {@code lake}: also 月湖, a multipolygon relation (natural=water) 0.01° square at (south + 0.42, west + 0.42),
     * its outer ring in two untagged ways, with a 0.002° square island (an inner way) in its middle.
     */
    static void write(Path file, int n, double south, double west, boolean lake) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder().addRequiredFeatures("OsmSchema-V0.6")
                    .addRequiredFeatures("DenseNodes").setWritingprogram("console test").build();
            blob(out, "OSMHeader", header.toByteString());
            double step = 1.0 / n;
            long total = (long) n * n;
            long id = 1;
            while (id <= total) {
                Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
                long lastId = 0;
                long lastLat = 0;
                long lastLon = 0;
                for (int k = 0; k < 8000 && id <= total; k++, id++) {
                    long row = (id - 1) / n;
                    long col = (id - 1) % n;
                    long lat = Math.round((south + row * step) * 1e7);
                    long lon = Math.round((west + col * step) * 1e7);
                    dense.addId(id - lastId).addLat(lat - lastLat).addLon(lon - lastLon);
                    lastId = id;
                    lastLat = lat;
                    lastLon = lon;
                }
                block(out, Osmformat.PrimitiveGroup.newBuilder().setDense(dense).build());
            }
            long lakeNode = total + 1;
            if (lake) {
                double s0 = south + 0.42;
                double w0 = west + 0.42;
                double[][] corners = {{w0, s0}, {w0 + 0.01, s0}, {w0 + 0.01, s0 + 0.01}, {w0, s0 + 0.01},
                    {w0 + 0.004, s0 + 0.004}, {w0 + 0.006, s0 + 0.004}, {w0 + 0.006, s0 + 0.006}, {w0 + 0.004, s0 + 0.006}};
                Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
                long lastId = 0;
                long lastLat = 0;
                long lastLon = 0;
                for (int k = 0; k < corners.length; k++) {
                    long nid = lakeNode + k;
                    long lat = Math.round(corners[k][1] * 1e7);
                    long lon = Math.round(corners[k][0] * 1e7);
                    dense.addId(nid - lastId).addLat(lat - lastLat).addLon(lon - lastLon);
                    lastId = nid;
                    lastLat = lat;
                    lastLon = lon;
                }
                block(out, Osmformat.PrimitiveGroup.newBuilder().setDense(dense).build());
            }
            Osmformat.PrimitiveGroup.Builder ways = Osmformat.PrimitiveGroup.newBuilder();
            for (int row = 0; row < n; row++) {
                Osmformat.Way.Builder w = Osmformat.Way.newBuilder().setId(row + 1L).addKeys(1).addVals(2);
                long last = 0;
                for (int col = 0; col < n; col++) {
                    long ref = (long) row * n + col + 1;
                    w.addRefs(ref - last);
                    last = ref;
                }
                ways.addWays(w);
                if (ways.getWaysCount() == 200) {
                    block(out, ways.build());
                    ways = Osmformat.PrimitiveGroup.newBuilder();
                }
            }
            if (lake) {
                long[][] rings = {{0, 1, 2}, {2, 3, 0}, {4, 5, 6, 7, 4}};
                for (int r = 0; r < rings.length; r++) {
                    Osmformat.Way.Builder w = Osmformat.Way.newBuilder().setId(n + 1L + r);
                    long last = 0;
                    for (long k : rings[r]) {
                        w.addRefs(lakeNode + k - last);
                        last = lakeNode + k;
                    }
                    ways.addWays(w);
                }
            }
            if (ways.getWaysCount() > 0) {
                block(out, ways.build());
            }
            if (lake) {
                Osmformat.Relation.Builder rel = Osmformat.Relation.newBuilder().setId(1)
                        .addKeys(3).addVals(4).addKeys(5).addVals(6).addKeys(7).addVals(8);
                long last = 0;
                for (int r = 0; r < 3; r++) {
                    long wid = n + 1L + r;
                    rel.addMemids(wid - last).addTypes(Osmformat.Relation.MemberType.WAY).addRolesSid(r < 2 ? 9 : 10);
                    last = wid;
                }
                block(out, Osmformat.PrimitiveGroup.newBuilder().addRelations(rel).build());
            }
        }
    }

    private static void block(DataOutputStream out, Osmformat.PrimitiveGroup group) throws IOException {
        Osmformat.StringTable.Builder strings = Osmformat.StringTable.newBuilder().addS(ByteString.EMPTY)
                .addS(ByteString.copyFrom("highway", StandardCharsets.UTF_8))
                .addS(ByteString.copyFrom("residential", StandardCharsets.UTF_8));
        for (String more : new String[] {"type", "multipolygon", "natural", "water", "name", "月湖", "outer", "inner"}) {
            strings.addS(ByteString.copyFrom(more, StandardCharsets.UTF_8));
        }
        Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings)
                .addPrimitivegroup(group).build();
        blob(out, "OSMData", block.toByteString());
    }

    private static void blob(OutputStream raw, String type, ByteString data) throws IOException {
        DataOutputStream out = (DataOutputStream) raw;
        Fileformat.Blob blob = Fileformat.Blob.newBuilder().setRaw(data).setRawSize(data.size()).build();
        byte[] body = blob.toByteArray();
        byte[] head = Fileformat.BlobHeader.newBuilder().setType(type).setDatasize(body.length).build().toByteArray();
        out.writeInt(head.length);
        out.write(head);
        out.write(body);
    }
}
