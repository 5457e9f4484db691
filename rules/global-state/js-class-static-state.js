class UptimeStats {
    static list = {};
    static hits = 0;
    static byName = new Map();
    static instance = null;
    static cacheList = {};
    static LIMIT = 10;
    items = [];

    constructor() {
        // ok: the constructor
        UptimeStats.hits = 0;
        this.items.push(1);
    }

    static async get(id) {
        if (!UptimeStats.list[id]) {
            UptimeStats.list[id] = new UptimeStats();
          //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-class-static-state
        }
        UptimeStats.hits++;
      //^^^^^^^^^^^^^^^^^ global-state/js-class-static-state
        UptimeStats.byName.set(id, Date.now());
      //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-class-static-state
        // ok: a cache-named field is the in-memory cache rules' to judge
        UptimeStats.cacheList[id] = Date.now();
        return UptimeStats.list[id];
    }

    static async remove(id) {
        delete UptimeStats.list[id];
      //^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-class-static-state
    }

    static async reload() {
        UptimeStats.list = await fetchAll();
      //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-class-static-state
    }

    static getInstance() {
        // ok: a lazily built singleton
        if (!UptimeStats.instance) {
            UptimeStats.instance = new UptimeStats();
        }
        return UptimeStats.instance;
    }

    add(x) {
        // ok: instance state, and a read of a static constant
        this.items.push(x);
        return this.items.length < UptimeStats.LIMIT;
    }
}

class Other {
    static touch(id) {
        // ok: another class's field (not a field of Other), and a local object
        UptimeStats.hits = id;
        const local = { list: {} };
        local.list[id] = 1;
    }
}

async function fetchAll() {
    return {};
}

module.exports = { UptimeStats, Other };
