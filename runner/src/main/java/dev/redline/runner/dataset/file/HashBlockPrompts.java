package dev.redline.runner.dataset.file;

import dev.redline.runner.dataset.Corpus;
import dev.redline.runner.dataset.SeedStreams;
import dev.redline.runner.tokenizer.Tokenizer;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prompts from {@code hash_ids} (reference §4.2): each hash id stands for one block of {@code blockSize} tokens, made
 * once per hash id from the corpus (seeded by the run seed and the id), so requests that share leading hash ids share
 * a text prefix, which is what a server's prefix cache sees. The last block holds {@code input_length - (k-1)·B}
 * tokens (the first tokens of that id's block). Blocks are joined as token ids and decoded once. Each block starts at a
 * word boundary, so re-encoding rarely merges tokens across blocks; the turn's ISL is the recount of the final text.
 */
final class HashBlockPrompts {
    private static final int BOUNDARY_SCAN = 64;

    private final Tokenizer tokenizer;
    private final Corpus corpus;
    private final SeedStreams seeds;
    private final int blockSize;
    private final Map<Long, int[]> blocks = new ConcurrentHashMap<>();

    HashBlockPrompts(Tokenizer tokenizer, Corpus corpus, SeedStreams seeds, int blockSize) {
        this.tokenizer = tokenizer;
        this.corpus = corpus;
        this.seeds = seeds;
        this.blockSize = blockSize;
    }

    int blockSize() {
        return blockSize;
    }

    String prompt(SourceRecord rec, int inputLength, List<Long> hashIds) {
        int k = hashIds.size();
        if (k == 0) throw rec.error("hash_ids", "is empty; give at least one block id or drop the field");
        long last = (long) inputLength - (long) (k - 1) * blockSize;
        if (last <= 0 || last > blockSize) {
            throw rec.error("hash_ids", "has " + k + " blocks of " + blockSize + " tokens, which cannot hold input_length "
                    + inputLength + " (the last block would have " + last + " tokens); fix input_length or set --isl-block-size");
        }
        int[] ids = new int[inputLength];
        int pos = 0;
        for (int j = 0; j < k; j++) {
            int len = j == k - 1 ? (int) last : blockSize;
            System.arraycopy(block(hashIds.get(j)), 0, ids, pos, len);
            pos += len;
        }
        return tokenizer.decode(ids);
    }

    private int[] block(long hashId) {
        return blocks.computeIfAbsent(hashId, id -> {
            Random rnd = seeds.stream("hash_block", id);
            int start = rnd.nextInt(corpus.size());
            for (int i = 0; i < BOUNDARY_SCAN; i++) {
                String first = tokenizer.decode(corpus.window(start + i, 1));
                if (!first.isEmpty() && Character.isWhitespace(first.charAt(0))) {
                    start += i;
                    break;
                }
            }
            return corpus.window(start, blockSize);
        });
    }
}
