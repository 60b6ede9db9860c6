export default definePageConfig({ navigationBarTitleText: '邀请与人员' });
