package dev.symphony.pit.stale.movers;

import java.util.EnumMap;
import java.util.Map;

import dev.symphony.pit.stale.api.ItemKind;
import dev.symphony.pit.stale.api.Tier;
import dev.symphony.pit.stale.api.TierMover;

/** Sends each move to the mover registered for the item's kind; a kind without a mover refuses moves. */
public final class RoutingTierMover implements TierMover {
    private final TierMover[] byKind = new TierMover[ItemKind.values().length];

    public RoutingTierMover(Map<ItemKind, TierMover> movers) {
        new EnumMap<>(movers).forEach((kind, mover) -> byKind[kind.ordinal()] = mover);
    }

    @Override
    public boolean move(int handle, ItemKind kind, String key, long externalId, Tier from, Tier to) {
        TierMover mover = byKind[kind.ordinal()];
        return mover != null && mover.move(handle, kind, key, externalId, from, to);
    }
}
