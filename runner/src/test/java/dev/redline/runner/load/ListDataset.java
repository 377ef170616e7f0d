package dev.redline.runner.load;

import dev.redline.runner.dataset.Conversation;
import dev.redline.runner.dataset.Dataset;
import dev.redline.runner.dataset.Turn;

import java.util.ArrayList;
import java.util.List;

/** Test dataset: fixed conversations, picked sequentially (session n gets conversation n mod size). */
public final class ListDataset implements Dataset {
    private final List<Conversation> conversations;

    ListDataset(List<Conversation> conversations) {
        this.conversations = List.copyOf(conversations);
    }

    public static ListDataset singleTurn(int n, int maxTokens) {
        List<Conversation> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) cs.add(new Conversation("c" + i, List.of(Turn.ofText("prompt " + i, 2, maxTokens))));
        return new ListDataset(cs);
    }

    @Override
    public List<Conversation> conversations() { return conversations; }

    @Override
    public Conversation next(long sessionNumber) {
        return conversations.get((int) Math.floorMod(sessionNumber, (long) conversations.size()));
    }
}
