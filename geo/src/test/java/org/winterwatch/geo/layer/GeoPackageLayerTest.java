package org.winterwatch.geo.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKBWriter;
import org.winterwatch.geo.site.Site;
import org.winterwatch.geo.site.SiteLayer;

/** GeoPackage layers: written here with the NGA library from the demo layer, read back with our reader. */
class GeoPackageLayerTest {

    @TempDir
    Path dir;

    @Test
    void readsBackEveryDemoSiteWrittenToAGeoPackage() throws Exception {
        SiteLayer demo = SiteLayers.demoLayer();
        Path gpkg = write(demo.sites(), dir.resolve("demo.gpkg"));

        SiteLayer read = SiteLayers.read(gpkg);

        assertThat(read.sites()).hasSize(demo.sites().size());
        for (Site expected : demo.sites()) {
            Site actual = read.byId(expected.id()).orElseThrow();
            assertThat(actual.name()).isEqualTo(expected.name());
            assertThat(actual.category()).isEqualTo(expected.category());
            assertThat(actual.priority()).isEqualTo(expected.priority());
            assertThat(actual.team()).isEqualTo(expected.team());
            assertThat(actual.corridorWidthM()).isEqualTo(expected.corridorWidthM());
            assertThat(actual.geometry().equalsExact(expected.geometry(), 1e-9)).as(expected.id()).isTrue();
        }
        assertThat(SiteLayers.validate(gpkg)).isEmpty();
    }

    @Test
    void aFileThatIsNotAGeoPackageIsOneProblemNotAStackTrace() throws Exception {
        Path garbage = dir.resolve("garbage.gpkg");
        Files.write(garbage, "this is not sqlite at all, just text pretending".getBytes());

        List<Problem> problems = SiteLayers.validate(garbage);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString()).contains("not a GeoPackage").doesNotContain("\tat ");
    }

    @Test
    void badRowsAreReportedLikeBadGeoJsonFeatures() throws Exception {
        SiteLayer demo = SiteLayers.demoLayer();
        Path gpkg = write(List.of(demo.sites().get(0), demo.sites().get(0)), dir.resolve("dup.gpkg"));

        assertThatThrownBy(() -> SiteLayers.read(gpkg)).isInstanceOf(LayerException.class)
                .hasMessageContaining("feature 1").hasMessageContaining("duplicate id");
    }

    static Path write(List<Site> sites, Path file) throws Exception {
        GeoPackageManager.create(file.toFile());
        try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
            GeometryColumns geometry = new GeometryColumns();
            geometry.setTableName("sites");
            geometry.setColumnName("geom");
            geometry.setGeometryType(GeometryType.GEOMETRY);
            geometry.setZ((byte) 0);
            geometry.setM((byte) 0);
            geometry.setSrsId(4326L);
            List<FeatureColumn> columns = List.of(
                    FeatureColumn.createColumn("id", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("name", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("category", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("priority", GeoPackageDataType.INTEGER),
                    FeatureColumn.createColumn("team", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("corridor_width_m", GeoPackageDataType.DOUBLE));
            gp.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns, new BoundingBox(-180, -90, 180, 90)));
            FeatureDao dao = gp.getFeatureDao("sites");
            for (Site site : sites) {
                FeatureRow row = dao.newRow();
                row.setValue("id", site.id());
                row.setValue("name", site.name());
                row.setValue("category", site.category().wireName());
                row.setValue("priority", site.priority());
                row.setValue("team", site.team());
                row.setValue("corridor_width_m", site.corridorWidthM());
                byte[] wkb = new WKBWriter().write(site.geometry());
                row.setGeometry(GeoPackageGeometryData.create(4326L,
                        mil.nga.sf.wkb.GeometryReader.readGeometry(wkb)));
                dao.create(row);
            }
        }
        return file;
    }
}
