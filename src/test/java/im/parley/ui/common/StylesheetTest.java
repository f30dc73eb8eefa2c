package im.parley.ui.common;

import javafx.css.CssParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** A stylesheet JavaFX cannot parse silently drops every rule after the error; the app's must parse cleanly. */
class StylesheetTest {

    @Test
    @DisplayName("parley.css parses without a single error")
    void parleyCssParses() throws Exception {
        URL sheet = StylesheetTest.class.getResource("/im/parley/ui/common/parley.css");
        assertThat(sheet).isNotNull();
        CssParser.errorsProperty().clear();

        var stylesheet = new CssParser().parse(sheet);

        assertThat(CssParser.errorsProperty()).extracting(CssParser.ParseError::getMessage).isEmpty();
        assertThat(stylesheet.getRules()).as("rules read").hasSizeGreaterThan(20);
        assertThat(stylesheet.getRules().stream().flatMap(r -> r.getSelectors().stream()).map(Object::toString))
                .as("the last rules of the sheet are there too").anyMatch(s -> s.contains("search-snippet-match"));
    }
}
