package org.winterwatch.coordinator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A configured tile server: the page's policy lets its images in, and a template the map cannot use is refused. */
class MapTilesTest {

    @Test
    void theTileServersOriginIsWhatThePagePolicyAdmitsWithSubdomainsAsAWildcard() {
        assertThat(MapTiles.origin("https://tiles.example.org/{z}/{x}/{y}.png")).isEqualTo("https://tiles.example.org");
        assertThat(MapTiles.origin("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org");
        assertThat(MapTiles.origin("http://10.0.0.5:8081/osm/{z}/{x}/{y}.png")).isEqualTo("http://10.0.0.5:8081");
    }

    @Test
    void aTemplateWithoutTheTileCoordinatesOrNotOverHttpIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> new HttpSettings("127.0.0.1", 0, new AccessTokens(), 1, 1).withMapTileUrl("https://tiles.example.org/map.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("map_tile_url:").hasMessageContaining("{z}");
        assertThatThrownBy(() -> MapTiles.origin("file:///srv/tiles/{z}/{x}/{y}.png"))
                .hasMessageStartingWith("map_tile_url:").hasMessageContaining("http(s)");
    }
}
