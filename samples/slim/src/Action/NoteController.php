<?php

namespace App\Action;

use PDO;
use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;

class NoteController
{
    private function db(): PDO
    {
        return new PDO(getenv('DATABASE_DSN'));
    }

    public function list(Request $request, Response $response): Response
    {
        $notes = $this->db()->query('SELECT * FROM notes')->fetchAll();
        $response->getBody()->write(json_encode($notes));
        return $response;
    }

    public function create(Request $request, Response $response): Response
    {
        $_SESSION['last_note'] = $request->getParsedBody()['title'] ?? '';
        $this->db()->prepare('INSERT INTO notes (title) VALUES (?)')->execute([$_SESSION['last_note']]);
        return $response->withStatus(201);
    }

    public function show(Request $request, Response $response, array $args): Response
    {
        $stmt = $this->db()->prepare('SELECT * FROM notes WHERE id = ?');
        $stmt->execute([$args['id']]);
        $response->getBody()->write(json_encode($stmt->fetch()));
        return $response;
    }
}
