import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface UploadLimits {
  maxBytes: number;
  /** Said when the file is larger, e.g. "文件超过 20 MB，请压缩后再上传". */
  tooLarge: string;
  /** Said when the request is not a multipart form. */
  notAForm: string;
}

/** One file of a multipart upload, read into memory (never to disk). The file name is only a label. */
export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** How a use case takes the request's one file: the route hands it over, the use case calls it after its checks. */
export type ReceiveUpload = (limits: UploadLimits) => Promise<Upload>;

const refuse = (status: number, message: string) =>
  new AppError(status, 'validation_failed', message, [{ path: 'file', message }]);

/** The HTTP side of an upload: @fastify/multipart's one file part, its errors said in Chinese. */
export function receiveUpload(request: FastifyRequest): ReceiveUpload {
  return async (limits) => {
    try {
      const part = await request.file({
        limits: { fileSize: limits.maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
        preservePath: true,
        throwFileSizeLimit: true,
      });
      if (!part) throw refuse(400, '请选择要上传的文件');
      return { fileName: part.filename, bytes: await part.toBuffer() };
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(413, limits.tooLarge);
      if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw refuse(415, limits.notAForm);
      if (code === 'FST_FILES_LIMIT') throw refuse(400, '一次只能上传一个文件');
      throw refuse(400, '文件上传不完整，请重新上传');
    }
  };
}
