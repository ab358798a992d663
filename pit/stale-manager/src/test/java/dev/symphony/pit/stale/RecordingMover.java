package dev.symphony.pit.stale;

import java.util.ArrayList;
import java.util.List;

import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.Tier;
import dev.symphony.pit.stale.api.TierMover;

/** A test mover that records moves and can be told to fail. */
final class RecordingMover implements TierMover {
    record Move(int handle, String key, Tier from, Tier to) {
    }

    final List<Move> moves = new ArrayList<>();
    boolean fail;

    @Override
    public boolean move(int handle, ItemKind kind, String key, long externalId, Tier from, Tier to) {
        if (fail) {
            return false;
        }
        moves.add(new Move(handle, key, from, to));
        return true;
    }

    List<String> keysMovedTo(Tier tier) {
        return moves.stream().filter(m -> m.to() == tier).map(Move::key).toList();
    }
}
