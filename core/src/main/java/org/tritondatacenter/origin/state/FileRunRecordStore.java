package org.tritondatacenter.origin.state;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.tritondatacenter.origin.TritonException;

/**
 * Keeps the record in a file, for the command line. Saves write a temporary file beside it and
 * rename it over the old one, so a crash or a second Ctrl-C never leaves half a record. A lock file
 * ({@code <file>.lock}) held while the store is open refuses a second process.
 */
public final class FileRunRecordStore implements RunRecordStore, AutoCloseable {
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private FileRunRecordStore(Path file, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the store, creating the parent directory if needed.
   *
   * @throws TritonException when another process holds the lock, naming the file
   */
  public static FileRunRecordStore open(Path file) {
    Path absolute = file.toAbsolutePath();
    Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
    try {
      Files.createDirectories(absolute.getParent());
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new TritonException(
            "the state file "
                + absolute
                + " is in use by another triton-origin process; wait for it to finish, or use"
                + " another --state-file");
      }
      return new FileRunRecordStore(absolute, channel, lock);
    } catch (IOException e) {
      throw new TritonException(
          "cannot open the state file " + absolute + ": " + e.getMessage(), e);
    }
  }

  /** Returns the path of the record file. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<String> load() {
    // Read through a plain stream too, so an interrupted thread can still read the record.
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      if (Files.exists(file)) {
        throw new TritonException("cannot read the state file " + file + ": " + e.getMessage(), e);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new TritonException("cannot read the state file " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void save(String json) {
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      // A FileOutputStream, not an NIO channel: a channel closes itself when the thread is
      // interrupted, and the record must still be saved while an abort is being cleaned up.
      try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.getFD().sync();
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new TritonException("cannot write the state file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Releases the lock. The record file stays. */
  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // Closing the channel releases the lock in any case.
    }
  }
}
