import { Injectable, NotFoundException } from '@nestjs/common';
import { ROLES } from '../common/constants';
import { prisma } from '../prisma/client';
import { CreateUserDto, UpdateUserDto } from './dto/create-user.dto';

// Shown on the ops dashboard ("who signed up lately").
const recentSignups: Array<{ id: string; email: string; at: Date }> = [];

@Injectable()
export class UsersService {
  findAll(take = 50) {
    return prisma.user.findMany({ take, orderBy: { createdAt: 'desc' } });
  }

  async findOne(id: string) {
    const user = await prisma.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundException(`user ${id} not found`);
    return user;
  }

  async create(dto: CreateUserDto) {
    const user = await prisma.user.create({
      data: { email: dto.email, name: dto.name, role: dto.role ?? ROLES.VIEWER },
    });
    recentSignups.push({ id: user.id, email: user.email, at: new Date() });
    if (recentSignups.length > 100) recentSignups.shift();
    return user;
  }

  async update(id: string, dto: UpdateUserDto) {
    await this.findOne(id);
    return prisma.user.update({ where: { id }, data: dto });
  }

  async remove(id: string) {
    await this.findOne(id);
    await prisma.user.delete({ where: { id } });
  }
}
