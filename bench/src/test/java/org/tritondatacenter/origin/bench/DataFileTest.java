package org.tritondatacenter.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFileTest {
  @TempDir Path dir;

  @Test
  void generate_oddSize_writesThatManyBytesWithTheirDigests() throws Exception {
    long size = 9L * 1024 * 1024 + 5;

    DataFile file = DataFile.generate(dir.resolve("data.bin"), size, 1);

    byte[] bytes = Files.readAllBytes(file.path());
    assertThat(bytes).hasSize((int) size);
    assertThat(file.md5Base64())
        .isEqualTo(
            Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes)));
    assertThat(file.sha1Hex())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)));
  }

  @Test
  void generate_sameSeed_isRepeatableAndOtherSeedsDiffer() {
    DataFile a = DataFile.generate(dir.resolve("a.bin"), 1 << 20, 7);
    DataFile b = DataFile.generate(dir.resolve("b.bin"), 1 << 20, 7);
    DataFile c = DataFile.generate(dir.resolve("c.bin"), 1 << 20, 8);

    assertThat(a.sha1Hex()).isEqualTo(b.sha1Hex());
    assertThat(c.sha1Hex()).isNotEqualTo(a.sha1Hex());
  }

  @Test
  void fill_output_isIncompressibleLikeAnImage() {
    byte[] block = new byte[1 << 20];
    DataFile.fill(block, 3);
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    deflater.setInput(block);
    deflater.finish();
    byte[] out = new byte[block.length * 2];
    int compressed = deflater.deflate(out);

    assertThat(compressed).isGreaterThan(block.length * 99 / 100);
  }

  @Test
  void delete_generatedFile_removesIt() {
    DataFile file = DataFile.generate(dir.resolve("gone.bin"), 4096, 1);

    file.delete();

    assertThat(file.path()).doesNotExist();
  }
}
