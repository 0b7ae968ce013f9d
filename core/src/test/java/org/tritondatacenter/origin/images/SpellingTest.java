package org.tritondatacenter.origin.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingTest {
  private static final List<String> KEYS = EntryReader.KEYS;

  @ParameterizedTest
  @CsvSource({
    "nmePrefix, namePrefix",
    "nameprefix, namePrefix",
    "description, desc",
    "pkgs, pkgsrc",
    "homePage, homepage",
    "protoMinMemoryMB, protoMinMemoryMb",
    "networkz, networks"
  })
  void closest_typo_suggestsTheKnownKey(String typo, String expected) {
    assertThat(Spelling.closest(typo, KEYS)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"os", "requirements", "zzzzzz"})
  void closest_unrelatedWord_suggestsNothing(String word) {
    assertThat(Spelling.closest(word, KEYS)).isEmpty();
  }
}
