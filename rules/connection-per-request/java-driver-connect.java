class Reports {
    private final DataSource dataSource;

    List<Row> legacy() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
//                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/java-driver-connect
            return read(c);
        }
    }

    List<Row> pooled() throws SQLException {
        // ok: a connection borrowed from the injected pool
        try (Connection c = dataSource.getConnection()) {
            return read(c);
        }
    }

    // ok: one client for the process, outside any method
    static final MongoClient CLIENT = MongoClients.create("mongodb://db");
}
