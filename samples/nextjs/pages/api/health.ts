import type { NextApiRequest, NextApiResponse } from 'next';
import { STATUS } from '@/lib/constants';

export default function health(req: NextApiRequest, res: NextApiResponse) {
  res.status(200).json({ status: STATUS.OK, commit: process.env.VERCEL_GIT_COMMIT_SHA ?? 'local' });
}
