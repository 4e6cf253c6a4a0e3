package dev.auditworkbench.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on "&lt;project&gt;.lock", held while a project is open. The OS drops it when the
 * holding process dies, so a crash never leaves a project locked. The lock file records who holds
 * it, for the message the second opener sees.
 */
final class ProjectLock implements AutoCloseable {
  private final Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;

  private ProjectLock(Path lockFile, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  static Path lockFileOf(Path project) {
    return project.resolveSibling(project.getFileName() + ".lock");
  }

  static ProjectLock acquire(Path project) throws ProjectFileException {
    Path lockFile = lockFileOf(project);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw DiskTrouble.classify(project, e)
          .orElseGet(
              () ->
                  new ProjectFileException(
                      project, "cannot create lock file " + lockFile + ": " + e.getMessage(), e));
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = readHolder(lockFile);
        channel.close();
        throw new ProjectLockedException(project, holder);
      }
      writeHolder(channel);
      return new ProjectLock(lockFile, channel, lock);
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new ProjectLockedException(project, "this process");
    } catch (IOException e) {
      closeQuietly(channel);
      deleteQuietly(lockFile);
      throw DiskTrouble.classify(project, e)
          .orElseGet(
              () ->
                  new ProjectFileException(
                      project, "cannot lock " + lockFile + ": " + e.getMessage(), e));
    }
  }

  private static void writeHolder(FileChannel channel) throws IOException {
    String holder = "pid " + ProcessHandle.current().pid();
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(false);
  }

  private static String readHolder(Path lockFile) {
    try {
      return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "";
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // Left behind: harmless, the next opener locks it again.
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already failing with a clearer error.
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
      Files.deleteIfExists(lockFile);
    } catch (IOException ignored) {
      // A stale lock file without a lock is harmless: the next opener locks it again.
    }
  }
}
